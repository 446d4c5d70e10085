package org.slowpoetry.reactor;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slowpoetry.net.WriteTimeoutException;

/**
 * A TCP connection: the {@link Transport} of one {@link Protocol}, and the read and write
 * descriptor of its socket. As Part 5 finds in Twisted's {@code tcp.Connection}, the transport
 * <em>is</em> the descriptor in disguise: the reactor calls {@link #doRead}, which calls
 * {@link Protocol#dataReceived}.
 *
 * <p><b>Threading:</b> reactor thread only; the Transport methods check.
 */
final class TcpConnection implements Transport, ReadDescriptor, WriteDescriptor {
    private static final Logger LOG = LoggerFactory.getLogger(TcpConnection.class);

    /* Implementation overview
     *
     * Reading: up to MAX_READS_PER_EVENT reads per readiness event, each into the reactor's one
     * direct buffer, each handed to the protocol as a read-only view (the only allocation). A
     * short read means the socket is drained; no extra read() just to see 0. End of stream ends the
     * connection, unless the protocol is a HalfCloseableProtocol: then reading stops for good and
     * the connection stays up for writing (Twisted's readConnectionLost).
     *
     * Writing: write() tries the socket at once when nothing is queued and we are not already
     * waiting for OP_WRITE (most writes end there, without a trip through select); the rest is
     * queued in a WriteBuffer and flushed in doWrite when the socket is writable. Errors found
     * inside write() never call the protocol back from inside its own call: the disconnect is
     * deferred with Reactor.callSoon, as Twisted defers abortConnection with callLater(0).
     *
     * Write timeout: while bytes are queued and the socket takes none, one timer runs; each flush
     * that makes progress resets it, an empty buffer cancels it. So a connection whose peer reads
     * has no timer at all, and one whose peer stopped reading is aborted once the timer fires.
     *
     * Closing: loseConnection stops reading and closes once the buffer is empty and no producer
     * is registered (Twisted's rule); the close itself goes through SelectorRegistry.disconnect,
     * which closes the channel and calls our connectionLost, which tells the producer, the
     * protocol and, for a client, the connector. Every path ends in that one place, once.
     */

    /** Where the connection is in its life; it only moves down the list. */
    private enum State {
        CONNECTED,
        /** loseConnection(): flushing, then closing. Writes still accepted, as in Twisted. */
        DISCONNECTING,
        /** abortConnection() or a write error: the disconnect is scheduled. Writes ignored. */
        ABORTING,
        DISCONNECTED
    }

    /** The receiving side: a {@link HalfCloseableProtocol} outlives the peer's end of stream. */
    private enum ReadSide {
        OPEN,
        /** The peer half-closed (end of stream) and the protocol stays connected: never read again. */
        ENDED
    }

    /** The sending side, for half-close (loseWriteConnection). */
    private enum WriteSide {
        OPEN,
        /** Shut down once the buffer has drained. */
        CLOSING,
        CLOSED
    }

    private static final int MAX_READS_PER_EVENT = 16;
    private static final int DEFAULT_LOW_WATERMARK = 32 * 1024;
    private static final int DEFAULT_HIGH_WATERMARK = 64 * 1024;

    private final Reactor reactor;
    private final SocketChannel channel;
    private final Protocol protocol;
    private final SocketAddress peer;
    private final SocketAddress host;
    /** The connector's hook, told after the protocol; null for accepted connections. */
    private final Consumer<ConnectionClosed> onLost;
    private final WriteBuffer out = new WriteBuffer();

    // All fields below: written and read on the reactor thread only.
    private State state = State.CONNECTED;
    private ReadSide readSide = ReadSide.OPEN;
    private WriteSide writeSide = WriteSide.OPEN;
    /** The protocol paused us (pauseProducing): we do not read until it resumes. */
    private boolean readingPaused;
    /** Mirrors of our registration with the reactor, to skip redundant calls. */
    private boolean reading;
    private boolean writing;
    private Producer producer;
    /** Whether we paused {@link #producer} because the buffer passed the high watermark. */
    private boolean producerPaused;
    private int lowWatermark = DEFAULT_LOW_WATERMARK;
    private int highWatermark = DEFAULT_HIGH_WATERMARK;
    /** How long queued bytes may wait without progress ({@link #setWriteTimeout}); null for ever. */
    private Duration writeTimeout;
    /** Fires when the queued bytes have waited {@link #writeTimeout}; null while none wait. */
    private DelayedCall writeStall;

    TcpConnection(Reactor reactor, SocketChannel channel, Protocol protocol, SocketAddress peer,
                  SocketAddress host, Consumer<ConnectionClosed> onLost) {
        this.reactor = reactor;
        this.channel = channel;
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.peer = peer;
        this.host = host;
        this.onLost = onLost;
    }

    /** Takes over the channel, starts reading, and connects the protocol (connectionMade). */
    void start() {
        reactor.registry().adopt(this);
        startReading();
        try {
            protocol.makeConnection(this);
        } catch (RuntimeException | Error e) {
            LOG.error("Unhandled error in connectionMade of {}; disconnecting", protocol, e);
            if (state != State.DISCONNECTED) {
                reactor.registry().disconnect(this, new ConnectionLost(e));
            }
        }
    }

    // ---------------------------------------------------------------- descriptor

    @Override
    public SelectableChannel channel() {
        return channel;
    }

    @Override
    public Optional<ConnectionClosed> doRead() throws IOException {
        for (int i = 0; i < MAX_READS_PER_EVENT && state == State.CONNECTED && !readingPaused; i++) {
            ByteBuffer buffer = reactor.registry().readBuffer();
            int n = channel.read(buffer);
            if (n < 0) {
                return endOfStream();
            }
            if (n == 0) {
                break;
            }
            protocol.dataReceived(buffer.flip().asReadOnlyBuffer());
            if (n < buffer.capacity()) {
                break;
            }
        }
        return Optional.empty();
    }

    /**
     * The peer shut down its sending side. A plain protocol has lost its connection; a
     * {@link HalfCloseableProtocol} is told, and the connection stays up without reading (a socket
     * at end of stream is always readable: reading on would spin the loop).
     */
    private Optional<ConnectionClosed> endOfStream() {
        if (!(protocol instanceof HalfCloseableProtocol halfCloseable)) {
            return Optional.of(new ConnectionDone());
        }
        readSide = ReadSide.ENDED;
        stopReading();
        halfCloseable.readConnectionLost();
        return Optional.empty();
    }

    @Override
    public Optional<ConnectionClosed> doWrite() throws IOException {
        if (state == State.ABORTING || state == State.DISCONNECTED) {
            stopWriting();
            return Optional.empty();
        }
        long queued = out.size();
        boolean flushed = out.flushTo(channel, reactor.registry().gatherArray());
        watchForStall(queued);
        if (!flushed) {
            resumeProducerIfDrained();
            return Optional.empty();
        }
        stopWriting();
        resumeProducerIfDrained(); // it may write again, and register us again
        if (!out.isEmpty() || state == State.ABORTING) {
            return Optional.empty();
        }
        if (writeSide == WriteSide.CLOSING) {
            channel.shutdownOutput();
            writeSide = WriteSide.CLOSED;
        }
        if (state == State.DISCONNECTING && producer == null) {
            return Optional.of(new ConnectionDone());
        }
        return Optional.empty();
    }

    @Override
    public void connectionLost(ConnectionClosed reason) {
        if (state == State.DISCONNECTED) {
            return;
        }
        state = State.DISCONNECTED;
        reading = false;
        writing = false;
        out.clear();
        stopWatchingForStall();
        Producer stopped = producer;
        producer = null;
        if (stopped != null) {
            reactor.runSafely(stopped::stopProducing);
        }
        reactor.runSafely(() -> protocol.connectionLost(reason));
        if (onLost != null) {
            reactor.runSafely(() -> onLost.accept(reason));
        }
    }

    // ---------------------------------------------------------------- transport

    @Override
    public void write(ByteBuffer data) {
        reactor.checkInLoop("Transport.write");
        Objects.requireNonNull(data, "data");
        if (acceptsWrites() && data.hasRemaining()) {
            out.add(data);
            flushOrWait();
        }
    }

    @Override
    public void writeSequence(List<ByteBuffer> data) {
        reactor.checkInLoop("Transport.writeSequence");
        data.forEach(b -> Objects.requireNonNull(b, "a buffer in data"));
        if (acceptsWrites()) {
            data.forEach(out::add);
            flushOrWait();
        }
    }

    @Override
    public void loseConnection() {
        reactor.checkInLoop("Transport.loseConnection");
        if (state != State.CONNECTED) {
            return;
        }
        state = State.DISCONNECTING;
        stopReading();
        closeIfDone();
    }

    @Override
    public void abortConnection() {
        reactor.checkInLoop("Transport.abortConnection");
        if (state == State.ABORTING || state == State.DISCONNECTED) {
            return;
        }
        failSoon(new ConnectionAbortedException("connection aborted by this side"));
    }

    @Override
    public void loseWriteConnection() {
        reactor.checkInLoop("Transport.loseWriteConnection");
        if (state != State.CONNECTED || writeSide != WriteSide.OPEN) {
            return;
        }
        writeSide = WriteSide.CLOSING;
        if (out.isEmpty()) {
            try {
                channel.shutdownOutput();
                writeSide = WriteSide.CLOSED;
            } catch (IOException e) {
                failSoon(e);
            }
        }
    }

    @Override
    public SocketAddress getPeer() {
        reactor.checkInLoop("Transport.getPeer");
        return peer;
    }

    @Override
    public SocketAddress getHost() {
        reactor.checkInLoop("Transport.getHost");
        return host;
    }

    @Override
    public void registerProducer(Producer newProducer) {
        reactor.checkInLoop("Transport.registerProducer");
        Objects.requireNonNull(newProducer, "producer");
        if (producer != null) {
            throw new IllegalStateException("a producer is already registered: " + producer);
        }
        if (state == State.ABORTING || state == State.DISCONNECTED) {
            newProducer.stopProducing();
            return;
        }
        producer = newProducer;
        producerPaused = false;
        pauseProducerIfFull();
    }

    @Override
    public void unregisterProducer() {
        reactor.checkInLoop("Transport.unregisterProducer");
        producer = null;
        producerPaused = false;
        if (state == State.DISCONNECTING) {
            closeIfDone();
        }
    }

    @Override
    public long writeBufferSize() {
        reactor.checkInLoop("Transport.writeBufferSize");
        return out.size();
    }

    @Override
    public void setWriteTimeout(Duration timeout) {
        reactor.checkInLoop("Transport.setWriteTimeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the write timeout must be positive: " + timeout);
        }
        writeTimeout = timeout;
        stopWatchingForStall();
        if (!out.isEmpty() && state != State.ABORTING && state != State.DISCONNECTED) {
            watchForStall(out.size());
        }
    }

    @Override
    public void setWriteBufferWatermarks(int low, int high) {
        reactor.checkInLoop("Transport.setWriteBufferWatermarks");
        if (low < 0 || high < low) {
            throw new IllegalArgumentException("watermarks must satisfy 0 <= low <= high: low=" + low + ", high=" + high);
        }
        lowWatermark = low;
        highWatermark = high;
        pauseProducerIfFull();
        resumeProducerIfDrained();
    }

    @Override
    public void pauseProducing() {
        reactor.checkInLoop("Transport.pauseProducing");
        readingPaused = true;
        stopReading();
    }

    @Override
    public void resumeProducing() {
        reactor.checkInLoop("Transport.resumeProducing");
        readingPaused = false;
        startReading();
    }

    @Override
    public void stopProducing() {
        loseConnection();
    }

    // ---------------------------------------------------------------- helpers

    private boolean acceptsWrites() {
        return (state == State.CONNECTED || state == State.DISCONNECTING) && writeSide == WriteSide.OPEN;
    }

    /** After queuing: write now unless already waiting for the socket; else wait for OP_WRITE. */
    private void flushOrWait() {
        if (!writing) {
            long queued = out.size();
            try {
                out.flushTo(channel, reactor.registry().gatherArray());
            } catch (IOException e) {
                failSoon(e);
                return;
            }
            watchForStall(queued);
        }
        if (!out.isEmpty()) {
            startWriting();
            pauseProducerIfFull();
        }
    }

    /** With loseConnection pending: close once nothing is queued and no producer is registered. */
    private void closeIfDone() {
        if (!out.isEmpty()) {
            startWriting(); // doWrite closes after the last byte
        } else if (producer == null) {
            reactor.callSoon(() -> {
                if (state == State.DISCONNECTING && out.isEmpty() && producer == null) {
                    reactor.registry().disconnect(this, new ConnectionDone());
                }
            });
        }
    }

    /**
     * After a flush that began with {@code queued} bytes: no timer once the buffer is empty, a
     * fresh wait after progress, and a wait started (or left running) when the socket took nothing.
     */
    private void watchForStall(long queued) {
        if (writeTimeout == null || out.isEmpty()) {
            stopWatchingForStall();
        } else if (writeStall == null) {
            writeStall = reactor.callLater(writeTimeout, this::writeStalled);
        } else if (out.size() < queued) {
            writeStall.reset(writeTimeout);
        }
    }

    private void stopWatchingForStall() {
        if (writeStall != null) {
            if (writeStall.active()) {
                writeStall.cancel();
            }
            writeStall = null;
        }
    }

    /** The queued bytes waited {@link #writeTimeout} and the socket took none: the peer does not read. */
    private void writeStalled() {
        writeStall = null;
        var timeout = new WriteTimeoutException(writeTimeout, null);
        LOG.info("closed {}: {}", this, timeout.getMessage());
        failSoon(timeout);
    }

    /** Drops the buffer and disconnects after the current callback: never re-enter the protocol. */
    private void failSoon(IOException cause) {
        stopWatchingForStall();
        state = State.ABORTING;
        out.clear();
        stopReading();
        stopWriting();
        reactor.callSoon(() -> reactor.registry().disconnect(this, new ConnectionLost(cause)));
    }

    private void pauseProducerIfFull() {
        if (producer != null && !producerPaused && out.size() > highWatermark) {
            producerPaused = true;
            producer.pauseProducing();
        }
    }

    private void resumeProducerIfDrained() {
        if (producer != null && producerPaused && out.size() <= lowWatermark) {
            producerPaused = false;
            producer.resumeProducing();
        }
    }

    private void startReading() {
        if (!reading && !readingPaused && readSide == ReadSide.OPEN && state == State.CONNECTED) {
            reading = reactor.registry().interest(this, true, true);
        }
    }

    private void stopReading() {
        if (reading) {
            reactor.registry().interest(this, true, false);
            reading = false;
        }
    }

    private void startWriting() {
        if (!writing && state != State.ABORTING && state != State.DISCONNECTED) {
            writing = reactor.registry().interest(this, false, true);
        }
    }

    private void stopWriting() {
        if (writing) {
            reactor.registry().interest(this, false, false);
            writing = false;
        }
    }

    @Override
    public String toString() {
        return "TcpConnection[" + host + " <-> " + peer + ", " + state + "]";
    }
}
