package org.slowpoetry.reactor;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * An in-memory {@link Transport} for testing a {@link Protocol} without sockets or a reactor:
 * Twisted's {@code proto_helpers.StringTransport}, Netty's {@code EmbeddedChannel}. What the
 * protocol writes is collected ({@link #value()}); the test plays the peer with {@link #receive}
 * and ends the connection with {@link #closeCleanly()} or {@link #closeWith}.
 *
 * {@snippet :
 * var transport = new StringTransport();
 * var protocol = new NetstringProtocol();
 * transport.connect(protocol);                   // makeConnection, connectionMade
 * transport.receive("5:hello,");                 // dataReceived
 * assertEquals("5:HELLO,", transport.valueAsString());
 * assertTrue(transport.disconnecting());          // the protocol called loseConnection()
 * transport.closeCleanly();                       // connectionLost(ConnectionDone)
 * }
 *
 * <p>Like Twisted's, {@link #loseConnection()} only records that it was asked for
 * ({@link #disconnecting()}); the test decides when the connection actually ends. Writes are
 * copied at once: the protocol may reuse its buffers. Producers are recorded, not driven: call
 * {@link #producer()}'s methods to simulate a full or drained buffer.
 *
 * <p><b>Threading:</b> not thread-safe: one test thread plays the reactor thread.
 */
public final class StringTransport implements Transport {

    /** This transport's own state as a producer of received data (the protocol may pause it). */
    public enum ProducerState {
        PRODUCING,
        PAUSED,
        STOPPED
    }

    private final SocketAddress host;
    private final SocketAddress peer;
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    /** All fields: the test thread. */
    private Protocol protocol;
    private boolean disconnecting;
    private boolean aborted;
    private boolean writeClosed;
    private ConnectionClosed lostWith;
    private ProducerState producerState = ProducerState.PRODUCING;
    private Producer producer;
    private int lowWatermark = 32 * 1024;
    private int highWatermark = 64 * 1024;
    private Duration writeTimeout;

    /** A transport between 127.0.0.1:10000 (host) and 127.0.0.1:54321 (peer). */
    public StringTransport() {
        this(new InetSocketAddress("127.0.0.1", 10000), new InetSocketAddress("127.0.0.1", 54321));
    }

    public StringTransport(SocketAddress host, SocketAddress peer) {
        this.host = Objects.requireNonNull(host, "host");
        this.peer = Objects.requireNonNull(peer, "peer");
    }

    // ---------------------------------------------------------------- the test drives

    /** Connects {@code p} to this transport: {@code makeConnection}, hence {@code connectionMade}. */
    public <P extends Protocol> P connect(P p) {
        if (protocol != null) {
            throw new IllegalStateException("already connected to " + protocol);
        }
        protocol = Objects.requireNonNull(p, "protocol");
        p.makeConnection(this);
        return p;
    }

    /** The peer sent {@code data}: the protocol gets it as one read-only {@code dataReceived}. */
    public void receive(byte[] data) {
        requireOpen("receive");
        protocol.dataReceived(ByteBuffer.wrap(data.clone()).asReadOnlyBuffer());
    }

    /** The peer sent {@code text} in UTF-8. */
    public void receive(String text) {
        receive(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The peer sent {@code data} one byte per {@code dataReceived}: the worst chunking there is. */
    public void receiveByteByByte(byte[] data) {
        for (byte b : data) {
            receive(new byte[] {b});
        }
    }

    /** The connection ended cleanly: {@code connectionLost(ConnectionDone)}. */
    public void closeCleanly() {
        end(new ConnectionDone());
    }

    /** The connection was lost: {@code connectionLost(ConnectionLost(cause))}. */
    public void closeWith(Throwable cause) {
        end(new ConnectionLost(cause));
    }

    // ---------------------------------------------------------------- the test inspects

    /** Everything written so far. */
    public byte[] value() {
        return written.toByteArray();
    }

    /** Everything written so far, decoded as UTF-8. */
    public String valueAsString() {
        return written.toString(StandardCharsets.UTF_8);
    }

    /** Forgets what was written so far. */
    public void clear() {
        written.reset();
    }

    /** Whether the protocol called {@link #loseConnection()} (or {@link #stopProducing()}). */
    public boolean disconnecting() {
        return disconnecting;
    }

    /** Whether the protocol called {@link #abortConnection()}. */
    public boolean aborted() {
        return aborted;
    }

    /** Whether the protocol called {@link #loseWriteConnection()}. */
    public boolean writeClosed() {
        return writeClosed;
    }

    /** The reason the connection ended with, or null while it is open. */
    public ConnectionClosed lostWith() {
        return lostWith;
    }

    /** Whether the protocol paused reading, and so on. */
    public ProducerState producerState() {
        return producerState;
    }

    /** The producer the protocol registered, or null. */
    public Producer producer() {
        return producer;
    }

    public int lowWatermark() {
        return lowWatermark;
    }

    public int highWatermark() {
        return highWatermark;
    }

    // ---------------------------------------------------------------- Transport

    @Override
    public void write(ByteBuffer data) {
        Objects.requireNonNull(data, "data");
        if (lostWith == null && !aborted && !writeClosed) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            written.writeBytes(bytes);
        }
    }

    @Override
    public void writeSequence(List<ByteBuffer> data) {
        data.forEach(this::write);
    }

    @Override
    public void loseConnection() {
        disconnecting = true;
    }

    @Override
    public void abortConnection() {
        aborted = true;
    }

    @Override
    public void loseWriteConnection() {
        writeClosed = true;
    }

    @Override
    public SocketAddress getPeer() {
        return peer;
    }

    @Override
    public SocketAddress getHost() {
        return host;
    }

    @Override
    public void registerProducer(Producer p) {
        if (producer != null) {
            throw new IllegalStateException("a producer is already registered: " + producer);
        }
        producer = Objects.requireNonNull(p, "producer");
    }

    @Override
    public void unregisterProducer() {
        producer = null;
    }

    /** Always 0: a StringTransport takes everything at once. */
    @Override
    public long writeBufferSize() {
        return 0;
    }

    @Override
    public void setWriteTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the write timeout must be positive: " + timeout);
        }
        writeTimeout = timeout;
    }

    /** What {@link #setWriteTimeout} set, or null: nothing here ever times out. */
    public Duration writeTimeout() {
        return writeTimeout;
    }

    @Override
    public void setWriteBufferWatermarks(int low, int high) {
        if (low < 0 || high < low) {
            throw new IllegalArgumentException("watermarks must satisfy 0 <= low <= high: low=" + low + ", high=" + high);
        }
        lowWatermark = low;
        highWatermark = high;
    }

    @Override
    public void pauseProducing() {
        producerState = ProducerState.PAUSED;
    }

    @Override
    public void resumeProducing() {
        producerState = ProducerState.PRODUCING;
    }

    @Override
    public void stopProducing() {
        producerState = ProducerState.STOPPED;
        loseConnection();
    }

    private void end(ConnectionClosed reason) {
        requireOpen("end");
        lostWith = reason;
        Producer registered = producer;
        producer = null;
        if (registered != null) {
            registered.stopProducing();
        }
        protocol.connectionLost(reason);
    }

    private void requireOpen(String what) {
        if (protocol == null) {
            throw new IllegalStateException("cannot " + what + ": no protocol connected yet; call connect(protocol)");
        }
        if (lostWith != null) {
            throw new IllegalStateException("cannot " + what + ": the connection already ended with " + lostWith);
        }
    }

    @Override
    public String toString() {
        return "StringTransport[" + host + " <-> " + peer + "]";
    }
}
