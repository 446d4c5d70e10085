package org.slowpoetry.servers.loom;

import java.io.IOException;
import java.util.Set;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.servers.ServerConfig;
import org.slowpoetry.servers.ServerImpl;
import org.slowpoetry.servers.ServerKind;

/**
 * {@code --impl loom}: the slow (Part 2) and fast (Part 11) poetry servers written the way Part 20
 * says Erlang would write them: one lightweight thread per client, each running plain blocking
 * code ({@code write}, {@code sleep}, {@code write}...), with the multiplexing left to the runtime.
 * Here the lightweight threads are virtual threads and the sockets are ordinary
 * {@link java.net.Socket}s; a virtual thread blocked on one releases its carrier, so thousands of
 * slow clients are served at once by a handful of OS threads.
 *
 * {@snippet :
 * try (PoetryServer server = new LoomServerImpl().start(ServerConfig.slow(poem))) {
 *     // any number of clients at once, each getting 10 bytes every 0.1 s
 * }
 * }
 *
 * <p><b>Threading:</b> stateless; {@link #start} may be called from any thread. Each server it
 * starts owns its threads, all ended by {@link PoetryServer#close()}.
 */
public final class LoomServerImpl implements ServerImpl {

    /** Used by {@link java.util.ServiceLoader}. */
    public LoomServerImpl() {
    }

    @Override
    public String name() {
        return "loom";
    }

    @Override
    public String description() {
        return "a virtual thread per client running plain blocking code, owned by a structured task scope"
                + " (Part 20)";
    }

    @Override
    public Set<ServerKind> kinds() {
        return Set.of(ServerKind.SLOW, ServerKind.FAST);
    }

    @Override
    public PoetryServer start(ServerConfig config) throws IOException {
        checkServes(config);
        return LoomPoetryServer.start(config);
    }
}
