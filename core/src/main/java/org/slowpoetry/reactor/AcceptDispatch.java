package org.slowpoetry.reactor;

import java.nio.channels.SocketChannel;

/**
 * Where a {@link TcpPort} sends the connections it accepts: to its own loop (the text's one
 * reactor, and every loop of {@link AcceptModel#REUSEPORT}), or spread over the loops of a
 * {@link ReactorGroup} ({@link HandoffDispatch}, {@link AcceptModel#HANDOFF}).
 *
 * <p><b>Threading:</b> called on the accepting port's loop thread only.
 */
interface AcceptDispatch {

    /** Takes {@code accepted} (non-blocking already): serves it, or hands it on. It now owns the channel. */
    void accepted(SocketChannel accepted);

    /**
     * The port has accepted all it will in this readiness event: a dispatch that batches hands
     * its batches on here, so that a burst of connections costs one hand-off per loop, not one per
     * connection.
     */
    default void burstEnded() {
    }
}
