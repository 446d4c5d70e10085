package org.slowpoetry.servers.transform;

import java.net.Socket;
import org.slowpoetry.net.AcceptLoop;
import org.slowpoetry.net.ConnectionScope;
import org.slowpoetry.net.ConnectionStrategy;

/**
 * The connections of one port of the loom transform server: a {@link ConnectionScope} opened
 * on the port's accepting thread, and a virtual thread forked into it per client. No connection
 * outlives the scope: {@link AcceptLoop#close()} interrupts the accepting thread out of
 * {@link #awaitServed()}, and {@link #close()} then interrupts every connection thread and waits
 * for it (the same ownership as the loom poetry server's).
 *
 * <p><b>Threading:</b> made, used and closed on the accepting thread only, as
 * {@link ConnectionStrategy} promises; the connection threads touch nothing of it.
 */
final class TransformConnections implements ConnectionStrategy.Connections {
    private final AcceptLoop loop;
    private final TransformConnection connection;
    private final ConnectionScope scope;

    /** Opens the scope, on the accepting thread, which thereby owns it. */
    TransformConnections(AcceptLoop loop, TransformConnection connection) {
        this.loop = loop;
        this.connection = connection;
        this.scope = ConnectionScope.open(loop, "connection");
    }

    @Override
    public void serve(Socket client) {
        scope.fork(client, () -> connection.serve(client, loop.output(client)));
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
