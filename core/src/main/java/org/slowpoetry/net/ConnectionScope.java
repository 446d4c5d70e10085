package org.slowpoetry.net;

import java.net.Socket;
import java.util.Objects;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Joiner;

/**
 * The connections of one Loom server as a structured scope: opened on the {@link AcceptLoop}'s
 * accepting thread, a virtual thread forked into it per client, and no connection outliving it.
 * Every Loom server (poetry, transform, proxy) keeps its clients in one of these, so they own them
 * the same way:
 *
 * {@snippet :
 * AcceptLoop.start(listen, setup, loop -> {
 *     ConnectionScope clients = ConnectionScope.open(loop, "connection");   // on the accepting thread
 *     return new ConnectionStrategy.Connections() {
 *         public void serve(Socket client) { clients.fork(client, () -> handle(client)); }
 *         public void awaitServed() throws InterruptedException { clients.join(); }
 *         public void close() { clients.close(); }
 *     };
 * });
 * }
 *
 * <p>{@link AcceptLoop#close()} interrupts the accepting thread out of {@link #join()}; then
 * {@link #close()} interrupts every connection thread and waits until each has ended.
 *
 * <p><b>Threading:</b> made, used and closed on the accepting thread only (the scope's owner), as
 * {@link ConnectionStrategy} promises; the connection threads touch nothing of it.
 */
public final class ConnectionScope implements AutoCloseable {

    /**
     * One client's work, on its own virtual thread.
     *
     * <p><b>Threading:</b> runs on the connection's thread.
     */
    @FunctionalInterface
    public interface ClientWork {
        void run() throws Exception;
    }

    private final StructuredTaskScope<Void, Void> scope;

    private ConnectionScope(StructuredTaskScope<Void, Void> scope) {
        this.scope = scope;
    }

    /**
     * Opens the scope of {@code loop}'s connections, named {@code NAME-KINDs} with threads
     * {@code NAME-KIND-1, -2, ...} ({@code loom-server-10000-connection-1}).
     *
     * @param kind what a connection is called in thread names: {@code connection}, {@code client}
     */
    public static ConnectionScope open(AcceptLoop loop, String kind) {
        String prefix = loop.name() + "-" + Objects.requireNonNull(kind, "kind");
        return new ConnectionScope(StructuredTaskScope.open(Joiner.<Void>awaitAll(), cf -> cf
                .withName(prefix + "s")
                .withThreadFactory(Thread.ofVirtual().name(prefix + "-", 1).factory())));
    }

    /**
     * Runs {@code work} for {@code client} on a new virtual thread in the scope. If the fork fails,
     * the client is closed and the failure thrown.
     */
    public void fork(Socket client, ClientWork work) {
        try {
            scope.fork(() -> {
                work.run();
                return null;
            });
        } catch (RuntimeException | Error e) {
            AcceptLoop.closeQuietly(client);
            throw e;
        }
    }

    /** Waits until every connection has ended (interrupted by {@link AcceptLoop#close()}). */
    public void join() throws InterruptedException {
        scope.join();
    }

    /** Interrupts every connection thread still running and waits for each to end. */
    @Override
    public void close() {
        scope.close();
    }
}
