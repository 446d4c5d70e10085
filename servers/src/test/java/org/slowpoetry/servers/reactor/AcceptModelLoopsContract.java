package org.slowpoetry.servers.reactor;

import org.junit.jupiter.api.AfterEach;
import org.slowpoetry.reactor.AcceptModel;

/**
 * {@link ReactorLoopsContractTest} on one accept model, chosen with the system property
 * {@value AcceptModel#PROPERTY}, set for each test and put back after it.
 *
 * <p><b>Threading:</b> JUnit runs these tests one at a time, which the system property relies on.
 */
abstract class AcceptModelLoopsContract extends ReactorLoopsContractTest {
    /** The property as it was; written when JUnit makes the instance, read after the test. */
    private final String before;

    AcceptModelLoopsContract(AcceptModel model) {
        before = System.setProperty(AcceptModel.PROPERTY, model.name().toLowerCase(java.util.Locale.ROOT));
    }

    @AfterEach
    void restoreTheModel() {
        if (before == null) {
            System.clearProperty(AcceptModel.PROPERTY);
        } else {
            System.setProperty(AcceptModel.PROPERTY, before);
        }
    }
}
