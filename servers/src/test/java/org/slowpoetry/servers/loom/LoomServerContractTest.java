package org.slowpoetry.servers.loom;

import org.slowpoetry.servers.ServerImpl;
import org.slowpoetry.servers.ServerImplContract;

/** The loom impl keeps every promise the blocking one does (exact bytes, events, clean close, no leaks). */
class LoomServerContractTest extends ServerImplContract {
    @Override
    protected ServerImpl impl() {
        return new LoomServerImpl();
    }
}
