package org.slowpoetry.net;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * A TCP server that is listening: it was started by the call that returned it, and it owns every
 * thread and socket it creates. {@link #close()} stops listening, ends every connection, and
 * returns only when all of them have ended. {@link AcceptLoop} is one; the servers module's
 * {@code PoetryServer} is this contract under the name its servers use.
 *
 * {@snippet :
 * try (RunningServer server = AcceptLoop.start(listen, setup, strategy)) {
 *     fetch(server.address());
 * } // listener closed, every connection ended, every thread joined
 * }
 *
 * <p><b>Threading:</b> all methods are thread-safe; {@link #close()} is idempotent and may be
 * called from any thread but the server's own (a shutdown hook, a test).
 */
public interface RunningServer extends AutoCloseable {

    /** The bound address (the real port when 0 was asked for). */
    InetSocketAddress address();

    /** Shorthand for {@code address().getPort()}. */
    default int port() {
        return address().getPort();
    }

    /**
     * Blocks until the server has stopped and all its threads have ended: normally because
     * {@link #close()} was called, or because it failed on its own (see {@link #failure()}).
     */
    void awaitTermination() throws InterruptedException;

    /**
     * Why the server stopped on its own (its listener failed), if it did; empty while it runs and
     * after a plain {@link #close()}. Meaningful once {@link #awaitTermination()} has returned.
     */
    default Optional<Throwable> failure() {
        return Optional.empty();
    }

    /**
     * Whether the calling thread is one of the server's own (the accepting thread, a connection
     * thread): there {@link #close()} and {@link #awaitTermination()} would wait for themselves, and
     * throw {@link WrongThreadException} instead. False by default, for servers that own no threads.
     */
    default boolean isOwnThread() {
        return false;
    }

    /** Stops listening, ends every connection, waits for every thread of the server. Idempotent. */
    @Override
    void close();
}
