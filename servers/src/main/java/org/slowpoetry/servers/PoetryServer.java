package org.slowpoetry.servers;

import org.slowpoetry.net.RunningServer;

/**
 * A running poetry server, as returned by {@link ServerImpl#start}: a {@link RunningServer}, so it
 * is listening when {@code start} returns, and it owns every thread and socket it creates:
 * {@link #close()} stops listening, ends every connection, and returns only when all of them have
 * ended.
 *
 * {@snippet :
 * try (PoetryServer server = impl.start(ServerConfig.slow(poem))) {
 *     fetch(server.address());
 * } // listener closed, every connection ended, every thread joined
 * }
 *
 * <p><b>Threading:</b> as {@link RunningServer}: all methods are thread-safe; {@link #close()} is
 * idempotent and may be called from any thread but the server's own (a shutdown hook, a test).
 */
public interface PoetryServer extends RunningServer {

    /**
     * {@code server} as a poetry server: every call goes to it. For servers built on the core's
     * {@link org.slowpoetry.net.AcceptLoop}, which knows nothing of poetry.
     */
    static PoetryServer of(RunningServer server) {
        return new RunningPoetryServer(server);
    }
}
