package org.slowpoetry.servers.blocking;

import java.io.IOException;
import java.util.Set;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.servers.ServerConfig;
import org.slowpoetry.servers.ServerImpl;
import org.slowpoetry.servers.ServerKind;

/**
 * {@code --impl blocking}: the servers of Part 2 (slow) and Part 11 (fast) written the plain
 * blocking way, as the text's {@code blocking-server/slowpoetry.py} is. One platform thread accepts a
 * client, sends it the poem, closes it, and only then accepts the next; clients that connect in the
 * meantime wait in the kernel's accept backlog and get nothing until their turn.
 *
 * {@snippet :
 * try (PoetryServer server = new BlockingServerImpl().start(ServerConfig.slow(poem))) {
 *     // connect to server.port(): 10 bytes every 0.1 s, one client at a time
 * }
 * }
 *
 * <p><b>Threading:</b> stateless; {@link #start} may be called from any thread. Each server it
 * starts owns one thread, ended by {@link PoetryServer#close()}.
 */
public final class BlockingServerImpl implements ServerImpl {

    /** Used by {@link java.util.ServiceLoader}. */
    public BlockingServerImpl() {
    }

    @Override
    public String name() {
        return "blocking";
    }

    @Override
    public String description() {
        return "one platform thread serves one client at a time; the rest wait in the accept"
                + " backlog (Parts 2, 11)";
    }

    @Override
    public Set<ServerKind> kinds() {
        return Set.of(ServerKind.SLOW, ServerKind.FAST);
    }

    @Override
    public PoetryServer start(ServerConfig config) throws IOException {
        checkServes(config);
        return BlockingPoetryServer.start(config);
    }
}
