package org.slowpoetry.servers.erlang;

import org.slowpoetry.servers.ServerImpl;
import org.slowpoetry.servers.ServerImplContract;

/** The erlang impl keeps every promise the blocking one does (exact bytes, events, clean close, no leaks). */
class ErlangServerContractTest extends ServerImplContract {
    @Override
    protected ServerImpl impl() {
        return new ErlangServerImpl();
    }
}
