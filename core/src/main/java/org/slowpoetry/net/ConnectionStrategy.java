package org.slowpoetry.net;

import java.net.Socket;

/**
 * How an {@link AcceptLoop} serves the clients it accepts: the one thing in which the blocking
 * server and the loom server differ. The blocking server serves each client inline, on the
 * accepting thread, so the next client waits in the listen backlog; the loom server forks each
 * client into a structured task scope it owns, one virtual thread per connection.
 *
 * {@snippet :
 * // inline: the accepting thread serves the client itself, then accepts the next one
 * ConnectionStrategy inline = loop -> client -> connection.serve(client, loop);
 * }
 *
 * <p><b>Threading:</b> {@link #open} and every method of the {@link Connections} it returns are
 * called on the loop's accepting thread only, so a strategy may open what must be owned by one
 * thread (a {@link java.util.concurrent.StructuredTaskScope}) there.
 */
@FunctionalInterface
public interface ConnectionStrategy {

    /**
     * Opens what serves the connections of one run of {@code loop}; called once, before the first
     * accept. The loop closes it on the same thread when it ends.
     */
    Connections open(AcceptLoop loop);

    /**
     * The connections of one running {@link AcceptLoop}.
     *
     * <p><b>Threading:</b> accepting thread only (see {@link ConnectionStrategy}).
     */
    interface Connections extends AutoCloseable {

        /**
         * Serves {@code client}, or hands it to a thread that will. From this call on the socket is
         * this object's to close, whatever happens. The socket options are already set.
         *
         * @throws InterruptedException if the loop was interrupted while serving inline: only
         *                              {@link AcceptLoop#close()} interrupts it
         */
        void serve(Socket client) throws InterruptedException;

        /**
         * The loop stopped accepting on its own (its listener failed): waits until every client
         * being served has got its poem. {@link AcceptLoop#close()} interrupts the wait. Serving
         * inline there is nothing to wait for.
         */
        default void awaitServed() throws InterruptedException {
        }

        /** Ends every connection still being served and waits for it; nothing to do when inline. */
        @Override
        default void close() {
        }
    }
}
