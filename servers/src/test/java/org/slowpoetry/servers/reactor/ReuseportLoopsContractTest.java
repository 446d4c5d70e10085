package org.slowpoetry.servers.reactor;

import org.slowpoetry.reactor.AcceptModel;

/** The loops' contract with a {@code SO_REUSEPORT} socket per loop ({@link AcceptModel#REUSEPORT}). */
class ReuseportLoopsContractTest extends AcceptModelLoopsContract {
    ReuseportLoopsContractTest() {
        super(AcceptModel.REUSEPORT);
    }
}
