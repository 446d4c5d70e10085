package org.slowpoetry.servers.reactor;

import org.slowpoetry.reactor.AcceptModel;

/** The loops' contract with one loop accepting for all ({@link AcceptModel#HANDOFF}). */
class HandoffLoopsContractTest extends AcceptModelLoopsContract {
    HandoffLoopsContractTest() {
        super(AcceptModel.HANDOFF);
    }
}
