package org.slowpoetry.servers.reactor;

import org.slowpoetry.servers.ServerImpl;
import org.slowpoetry.servers.ServerImplContract;

/** The reactor impl keeps every promise the blocking one does (exact bytes, events, clean close, no leaks). */
class ReactorServerContractTest extends ServerImplContract {
    @Override
    protected ServerImpl impl() {
        return new ReactorServerImpl();
    }
}
