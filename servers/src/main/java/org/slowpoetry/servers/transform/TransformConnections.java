package org.slowpoetry.servers.transform;

import java.net.Socket;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Joiner;
import org.slowpoetry.servers.AcceptLoop;
import org.slowpoetry.servers.ConnectionStrategy;

/**
 * The connections of one port of the loom transform server: a {@link StructuredTaskScope} opened
 * on the port's accepting thread, and a virtual thread forked into it per client. No connection
 * outlives the scope: {@link AcceptLoop#close()} interrupts the accepting thread out of
 * {@link #awaitServed()}, and {@link #close()} then interrupts every connection thread and waits
 * for it (the same ownership as the loom poetry server's).
 *
 * <p><b>Threading:</b> made, used and closed on the accepting thread only, as
 * {@link ConnectionStrategy} promises; the connection threads touch nothing of it.
 */
final class TransformConnections implements ConnectionStrategy.Connections {
    private final TransformConnection connection;
    private final StructuredTaskScope<Void, Void> scope;

    /** Opens the scope, on the accepting thread, which thereby owns it. */
    TransformConnections(AcceptLoop loop, TransformConnection connection) {
        this.connection = connection;
        String prefix = loop.name() + "-";
        this.scope = StructuredTaskScope.open(Joiner.<Void>awaitAll(), cf -> cf
                .withName(prefix + "connections")
                .withThreadFactory(Thread.ofVirtual().name(prefix + "connection-", 1).factory()));
    }

    @Override
    public void serve(Socket client) {
        try {
            scope.fork(() -> connection.serve(client));
        } catch (RuntimeException | Error e) {
            AcceptLoop.closeQuietly(client);
            throw e;
        }
    }

    @Override
    public void awaitServed() throws InterruptedException {
        scope.join();
    }

    @Override
    public void close() {
        scope.close();
    }
}
