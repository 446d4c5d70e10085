package org.slowpoetry.reactor;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * What to do with one connection: Twisted's {@code Protocol} (Part 5). A {@link ProtocolFactory}
 * makes one per connection; the reactor connects it to its {@link Transport} with
 * {@link #makeConnection}, which calls {@link #connectionMade()}; then {@link #dataReceived} as
 * bytes arrive; then {@link #connectionLost} once, at the end. The protocol is the natural home of
 * per-connection state, such as a poem received so far.
 *
 * {@snippet :
 * final class PoetryProtocol extends Protocol {
 *     private final ByteArrayOutputStream poem = new ByteArrayOutputStream();
 *
 *     @Override
 *     public void dataReceived(ByteBuffer data) {
 *         byte[] bytes = new byte[data.remaining()];
 *         data.get(bytes);                // copy: the buffer is only ours during this call
 *         poem.writeBytes(bytes);
 *     }
 *
 *     @Override
 *     public void connectionLost(ConnectionClosed reason) {
 *         if (reason instanceof ConnectionDone) {
 *             factory.poemFinished(poem.toString(StandardCharsets.UTF_8));
 *         }
 *     }
 * }
 * }
 *
 * <p>A callback that throws is logged and the connection is lost (with that exception as the
 * {@link ConnectionLost} cause).
 *
 * <p><b>Threading:</b> every callback runs on the reactor thread, one at a time; so a protocol
 * needs no locks for its own state. The transport field is written once, by
 * {@link #makeConnection}, before any other callback.
 */
public abstract class Protocol {
    /** Written once by {@link #makeConnection}; read by subclasses; reactor thread only. */
    private Transport transport;

    /**
     * Connects this protocol to {@code transport} and calls {@link #connectionMade()}: the second
     * stage of a protocol's birth (Part 5, Figure 9). Transports call it; so do tests with an
     * in-memory transport.
     *
     * @throws IllegalStateException if the protocol is already connected (one per connection)
     */
    public final void makeConnection(Transport transport) {
        Objects.requireNonNull(transport, "transport");
        if (this.transport != null) {
            throw new IllegalStateException("this protocol is already connected, to " + this.transport
                    + "; a factory must build a new protocol per connection");
        }
        this.transport = transport;
        connectionMade();
    }

    /**
     * The connection's transport.
     *
     * @throws IllegalStateException before {@link #makeConnection}
     */
    protected final Transport transport() {
        if (transport == null) {
            throw new IllegalStateException("not connected yet: the transport arrives with makeConnection");
        }
        return transport;
    }

    /** Whether {@link #makeConnection} has been called. */
    public final boolean connected() {
        return transport != null;
    }

    /** The connection is up: a server typically starts sending here. Does nothing by default. */
    protected void connectionMade() {
    }

    /**
     * Some bytes arrived, in an arbitrary-sized chunk (a message may span several calls, or share
     * one). {@code data} is a read-only view of the reactor's read buffer, valid only during this
     * call: it is overwritten by the next read on any connection. Copy what you keep. Does nothing
     * by default.
     */
    public void dataReceived(ByteBuffer data) {
    }

    /**
     * The connection is over, cleanly ({@link ConnectionDone}) or not ({@link ConnectionLost});
     * called once. Cancel timers here. Does nothing by default.
     */
    public void connectionLost(ConnectionClosed reason) {
    }
}
