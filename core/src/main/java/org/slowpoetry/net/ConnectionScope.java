package org.slowpoetry.net;

import java.io.OutputStream;
import java.net.Socket;
import java.util.Objects;
import java.util.concurrent.StructuredTaskScope;
import java.util.function.BiConsumer;
import java.util.concurrent.StructuredTaskScope.Joiner;

/**
 * The connections of one Loom server as a structured scope: opened on the {@link AcceptLoop}'s
 * accepting thread, a virtual thread forked into it per client, and no connection outliving it.
 * Every Loom server (poetry, transform, proxy, {@code LoomTcpServer}) keeps its clients in one of
 * these, so they own them the same way. A server that serves every client alike takes
 * {@link #strategy}; one that also does something per accept (count, refuse) opens its own:
 *
 * {@snippet :
 * AcceptLoop.start(listen, setup, loop -> {
 *     ConnectionScope clients = ConnectionScope.open(loop, "connection");   // on the accepting thread
 *     return new ConnectionStrategy.Connections() {
 *         public void serve(Socket client) { admit(client); clients.fork(client, () -> handle(client)); }
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
     * The strategy of a server that serves every client the same way: each on a virtual thread of
     * its own, forked into the loop's scope ({@code NAME-KIND-N}), running {@code serve} with the
     * client and its output ({@link AcceptLoop#output}: every write bounded by the write timeout);
     * {@code serve} owns the socket from then on and must not throw.
     *
     * {@snippet :
     * AcceptLoop.start(listen, setup, ConnectionScope.strategy("connection", connection::serve));
     * }
     */
    public static ConnectionStrategy strategy(String kind, BiConsumer<Socket, OutputStream> serve) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(serve, "serve");
        return loop -> {
            ConnectionScope scope = open(loop, kind); // on the accepting thread, which owns it
            return new ConnectionStrategy.Connections() {
                @Override
                public void serve(Socket client) {
                    scope.fork(client, () -> serve.accept(client, loop.output(client)));
                }

                @Override
                public void awaitServed() throws InterruptedException {
                    scope.join();
                }

                @Override
                public void close() {
                    scope.close();
                }
            };
        };
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
