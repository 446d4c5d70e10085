package org.slowpoetry.servers.erlang;

import java.io.IOException;
import java.util.Set;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.servers.ServerConfig;
import org.slowpoetry.servers.ServerImpl;
import org.slowpoetry.servers.ServerKind;

/**
 * {@code --impl erlang}: the slow (Part 2) and fast (Part 11) poetry servers as Part 20's sixth
 * exercise asks, written the Erlang way: a supervised tree of processes (an acceptor, a process
 * that spawns and monitors one process per client), each a virtual thread with a mailbox, where a
 * connection that crashes is reported through its monitor and takes nobody else with it. See
 * {@link ErlangPoetryServer} for the tree.
 *
 * {@snippet :
 * try (PoetryServer server = new ErlangServerImpl().start(ServerConfig.slow(poem))) {
 *     // each client served by its own process, 10 bytes every 0.1 s
 * }
 * }
 *
 * <p><b>Threading:</b> stateless; {@link #start} may be called from any thread. Each server it
 * starts owns its processes, all ended by {@link PoetryServer#close()}.
 */
public final class ErlangServerImpl implements ServerImpl {

    /** Used by {@link java.util.ServiceLoader}. */
    public ErlangServerImpl() {
    }

    @Override
    public String name() {
        return "erlang";
    }

    @Override
    public String description() {
        return "a supervised process tree: an acceptor, and a monitored process per client whose crash"
                + " harms no other (Part 20, exercise 6)";
    }

    @Override
    public Set<ServerKind> kinds() {
        return Set.of(ServerKind.SLOW, ServerKind.FAST);
    }

    @Override
    public PoetryServer start(ServerConfig config) throws IOException {
        checkServes(config);
        return ErlangPoetryServer.start(config);
    }
}
