package org.slowpoetry.reactor;

import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;

/**
 * One connection that sends and receives bytes, on behalf of one {@link Protocol}: Twisted's
 * {@code ITransport} (Part 5). The transport reads on its own and hands the bytes to
 * {@link Protocol#dataReceived}; {@link #write} queues bytes and sends them as soon as the socket
 * takes them, without blocking, in order.
 *
 * <p><b>Buffer ownership.</b> {@code write(data)} hands {@code data}'s remaining bytes to the
 * transport, which may keep a reference until they are sent and moves the buffer's position: do
 * not change those bytes afterwards. Passing a read-only view of shared immutable bytes (a poem
 * served to thousands) is the cheap and safe case; pass a copy of anything you will reuse.
 *
 * <p><b>Flow control.</b> The transport is a {@link Producer} of what it reads:
 * {@link #pauseProducing()} stops reading (the peer's writes then back up into its own buffers),
 * {@link #resumeProducing()} starts again, {@link #stopProducing()} loses the connection. In the
 * other direction, a {@link Producer} registered with {@link #registerProducer} is paused when more
 * than the high watermark of bytes waits to be written, and resumed when it has drained to the low
 * watermark (64 KiB and 32 KiB unless {@link #setWriteBufferWatermarks set}). Without a producer
 * the buffer grows without bound, as in Twisted.
 *
 * <p><b>Threading:</b> reactor thread only; every method throws {@link WrongThreadException}
 * elsewhere. Other threads hand work over with {@link EventLoop#callFromThread}.
 */
public interface Transport extends Producer {

    /**
     * Queues {@code data}'s remaining bytes for sending (see Buffer ownership). Ignored once the
     * connection is lost or aborted, or its writing side was closed.
     */
    void write(ByteBuffer data);

    /** Queues {@code data}; the array is not copied, so do not change it afterwards. */
    default void write(byte[] data) {
        write(ByteBuffer.wrap(data));
    }

    /** Queues every buffer in order, to be sent with one gathering write where possible. */
    void writeSequence(List<ByteBuffer> data);

    /**
     * Closes the connection cleanly once everything queued has been sent (and any registered
     * producer has been unregistered): Twisted's {@code loseConnection}. Reading stops at once; the
     * protocol then gets {@code connectionLost(ConnectionDone)}. Idempotent.
     */
    void loseConnection();

    /**
     * Closes the connection now, dropping whatever is queued: Twisted's {@code abortConnection}.
     * The protocol gets {@code connectionLost(ConnectionLost(ConnectionAbortedException))} after
     * the current callback returns, never from inside this call. Idempotent.
     */
    void abortConnection();

    /**
     * Half-closes: once everything queued is sent, shuts down the sending side (the peer reads end
     * of stream) but goes on reading: Twisted's {@code loseWriteConnection}. Writes after this are
     * ignored.
     */
    void loseWriteConnection();

    /** The address of the other end. */
    SocketAddress getPeer();

    /** The address of this end. */
    SocketAddress getHost();

    /**
     * Registers {@code producer} to be paused and resumed as the write buffer crosses the
     * watermarks, and stopped when the connection is lost. A producer registered while the buffer
     * is above the high watermark is paused at once; one registered after the connection was lost
     * is stopped at once.
     *
     * @throws IllegalStateException if a producer is already registered
     */
    void registerProducer(Producer producer);

    /** Forgets the registered producer, if any; a pending {@link #loseConnection()} may then finish. */
    void unregisterProducer();

    /** The bytes queued and not yet taken by the socket. */
    long writeBufferSize();

    /**
     * Bounds how long queued bytes may wait with the socket taking none of them: a peer that does
     * not read fills the socket buffers, then the write buffer, for ever. Past {@code timeout}
     * without progress the connection is aborted, one line is logged, and the protocol gets
     * {@code connectionLost(ConnectionLost(WriteTimeoutException))}. Any progress starts the wait
     * again, so a peer that reads slowly but steadily is never cut off. No timeout by default (as
     * in Twisted); a server that writes to clients it does not trust sets one in
     * {@code connectionMade}.
     *
     * @throws IllegalArgumentException if {@code timeout} is not positive
     */
    void setWriteTimeout(Duration timeout);

    /**
     * Sets the watermarks at which a registered producer is paused (more than {@code high} bytes
     * queued) and resumed (back to {@code low} or fewer).
     *
     * @throws IllegalArgumentException unless {@code 0 <= low <= high}
     */
    void setWriteBufferWatermarks(int low, int high);
}
