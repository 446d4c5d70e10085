package org.slowpoetry.clients;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slowpoetry.protocol.Address;

/**
 * A poetry server that behaves the way a test says, one connection at a time on 127.0.0.1, for
 * client tests of every style: it closes at once (no poem), stays silent, resets the first
 * connections mid-poem (RST, as a crashing server would) and serves the next ones whole, holds a
 * poem half-sent until the test lets it go, closes half-way through it, or sends without end (as
 * fast as the client reads). Well-behaved servers in tests are the real ones
 * ({@link TestServers}). Ordering comes from latches, never from time.
 *
 * <p><b>Threading:</b> one platform thread accepts and serves; {@link #close()} closes the listening
 * socket and the connection being served, interrupts the thread and joins it.
 */
public final class ScriptedPoetryServer implements AutoCloseable {

    /** What it does with a connection that is not reset. */
    private enum Script {
        /** Close at once without a byte. */
        CLOSE_AT_ONCE,
        /** Send nothing until closed. */
        SILENT,
        /** Send the first bytes, wait for the gate, send the rest and close. */
        SERVE,
        /** Send the first bytes and close, as a server that dies mid-poem. */
        CUT_SHORT,
        /** Send the poem again and again, until the client goes. */
        ENDLESS
    }

    private final ServerSocket listener;
    private final Thread thread;
    private final Script script;
    private final byte[] poem;
    /** The first {@code resets} connections get {@code resetAfter} bytes, then an RST once {@code resetGate} opens. */
    private final int resets;
    private final int resetAfter;
    private final CountDownLatch resetGate;
    /** A served connection gets {@code firstBytes}, then the rest once {@code gate} opens. */
    private final int firstBytes;
    private final CountDownLatch gate;
    /** Connections accepted so far. Written by the server thread, read by tests. */
    private final AtomicInteger accepted = new AtomicInteger();
    /** Bytes written to clients so far. Written by the server thread, read by tests. */
    private final AtomicLong sent = new AtomicLong();
    /** The connection being served; written by the server thread, closed by close(). */
    private volatile Socket current;

    private ScriptedPoetryServer(Script script, byte[] poem, int resets, int resetAfter, CountDownLatch resetGate,
            int firstBytes, CountDownLatch gate) {
        this.script = script;
        this.poem = poem.clone();
        this.resets = resets;
        this.resetAfter = resetAfter;
        this.resetGate = resetGate;
        this.firstBytes = firstBytes;
        this.gate = gate;
        try {
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.thread = Thread.ofPlatform().name("scripted-server-" + listener.getLocalPort()).start(this::serve);
    }

    /** Closes every connection at once, before sending a byte (as a server turning clients away). */
    public static ScriptedPoetryServer closingAtOnce() {
        return new ScriptedPoetryServer(Script.CLOSE_AT_ONCE, new byte[0], 0, 0, open(), 0, open());
    }

    /** Accepts and never sends. */
    public static ScriptedPoetryServer silent() {
        return new ScriptedPoetryServer(Script.SILENT, new byte[0], 0, 0, open(), 0, open());
    }

    /**
     * Sends every connection the first {@code bytes} of {@code poem}, waits until the test opens
     * {@code resetWhen} (once the client has read them, so the reset is certain to come mid-read),
     * then resets it.
     */
    public static ScriptedPoetryServer resettingAfter(byte[] poem, int bytes, CountDownLatch resetWhen) {
        return resettingFirst(Integer.MAX_VALUE, bytes, resetWhen, poem);
    }

    /**
     * Resets the first {@code resets} connections as {@link #resettingAfter} does, and serves the
     * poem whole to the next.
     */
    public static ScriptedPoetryServer resettingFirst(int resets, int bytes, CountDownLatch resetWhen, byte[] poem) {
        return new ScriptedPoetryServer(Script.SERVE, poem, resets, bytes, resetWhen, poem.length, open());
    }

    /**
     * Resets each of the first {@code resets} connections as soon as it is accepted. The client may
     * see that while connecting or at its first read.
     */
    public static ScriptedPoetryServer resettingAtOnce(int resets, byte[] poem) {
        return resettingFirst(resets, 0, open(), poem);
    }

    /** Sends the first {@code firstBytes} bytes of the poem, waits for {@code gate}, sends the rest and closes. */
    public static ScriptedPoetryServer gated(byte[] poem, int firstBytes, CountDownLatch gate) {
        return new ScriptedPoetryServer(Script.SERVE, poem, 0, 0, open(), firstBytes, gate);
    }

    /** Sends every connection the first {@code firstBytes} bytes of {@code poem} and closes it, in order. */
    public static ScriptedPoetryServer cuttingShort(byte[] poem, int firstBytes) {
        return new ScriptedPoetryServer(Script.CUT_SHORT, poem, 0, 0, open(), firstBytes, open());
    }

    /**
     * Sends every connection {@code poem} again and again, as fast as the client reads, until the
     * client closes the connection (or resets it): a server no poem limit can be too small for.
     */
    public static ScriptedPoetryServer endless(byte[] poem) {
        if (poem.length == 0) {
            throw new IllegalArgumentException("an endless stream of nothing is silence");
        }
        return new ScriptedPoetryServer(Script.ENDLESS, poem, 0, 0, open(), 0, open());
    }

    private static CountDownLatch open() {
        return new CountDownLatch(0);
    }

    public Address address() {
        return new Address("127.0.0.1", listener.getLocalPort());
    }

    /** How many connections it has accepted. */
    public int accepted() {
        return accepted.get();
    }

    /** How many bytes it has written to clients, in all. */
    public long sent() {
        return sent.get();
    }

    private void serve() {
        while (!listener.isClosed()) {
            try (Socket socket = listener.accept()) {
                current = socket;
                OutputStream out = socket.getOutputStream();
                if (accepted.incrementAndGet() <= resets) {
                    send(out, 0, resetAfter);
                    resetGate.await();
                    socket.setSoLinger(true, 0); // close with RST: the client sees "Connection reset"
                    continue;
                }
                switch (script) {
                    case CLOSE_AT_ONCE -> { }
                    case SILENT -> new CountDownLatch(1).await(); // until close() interrupts
                    case SERVE -> {
                        send(out, 0, firstBytes);
                        gate.await();
                        send(out, firstBytes, poem.length);
                    }
                    case CUT_SHORT -> send(out, 0, firstBytes);
                    case ENDLESS -> {
                        while (true) { // until the client goes: the write fails, and the next one is served
                            send(out, 0, poem.length);
                        }
                    }
                }
            } catch (IOException e) {
                // the listener was closed, or the client went away: serve the next, or stop
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void send(OutputStream out, int from, int to) throws IOException {
        int end = Math.min(to, poem.length);
        if (from < end) {
            out.write(Arrays.copyOfRange(poem, from, end));
            out.flush();
            sent.addAndGet(end - from);
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            listener.close();
            Socket s = current;
            if (s != null) {
                s.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        thread.interrupt();
        thread.join();
    }
}
