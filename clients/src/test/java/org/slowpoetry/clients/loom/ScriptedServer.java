package org.slowpoetry.clients.loom;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.slowpoetry.protocol.Address;

/**
 * A poetry server that does what a test tells it, one connection at a time on 127.0.0.1:
 * {@link #resettingFirst} sends the first connections a few bytes, waits for a latch, then resets
 * them (RST, as a crashing server would), and serves the poem whole to the next; {@link #gated} sends the first bytes of the poem, waits
 * for a latch, then sends the rest and closes. Ordering in tests comes from the latch, never from
 * time.
 *
 * <p><b>Threading:</b> one platform thread accepts and serves; {@link #close()} closes the listening
 * socket and the connection being served, interrupts the thread and joins it.
 */
final class ScriptedServer implements AutoCloseable {
    private final ServerSocket listener;
    private final Thread thread;
    private final byte[] poem;
    private final int resets;
    private final int firstBytes;
    private final CountDownLatch gate;
    private final int resetAfter;
    private final CountDownLatch resetGate;
    /** Connections accepted so far. Written by the server thread, read by tests. */
    private final AtomicInteger accepted = new AtomicInteger();
    /** The connection being served; written by the server thread, closed by close(). */
    private volatile Socket current;

    private ScriptedServer(byte[] poem, int resets, int resetAfter, CountDownLatch resetGate, int firstBytes,
            CountDownLatch gate) {
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

    /**
     * Sends each of the first {@code resets} connections the first {@code bytes} bytes of the poem,
     * waits for {@code resetWhen} (the test opens it once the client has read them, so the reset
     * is certain to come mid-read), resets it, and serves the poem whole to the next connection.
     */
    static ScriptedServer resettingFirst(int resets, int bytes, CountDownLatch resetWhen, byte[] poem) {
        return new ScriptedServer(poem, resets, bytes, resetWhen, poem.length, new CountDownLatch(0));
    }

    /**
     * Resets each of the first {@code resets} connections as soon as it is accepted. The client may
     * see that while connecting or at its first read, so the reason it gives may be either.
     */
    static ScriptedServer resettingAtOnce(int resets, byte[] poem) {
        return resettingFirst(resets, 0, new CountDownLatch(0), poem);
    }

    /** Sends the first {@code firstBytes} bytes of the poem, waits for {@code gate}, sends the rest. */
    static ScriptedServer gated(byte[] poem, int firstBytes, CountDownLatch gate) {
        return new ScriptedServer(poem, 0, 0, new CountDownLatch(0), firstBytes, gate);
    }

    Address address() {
        return new Address("127.0.0.1", listener.getLocalPort());
    }

    /** How many connections it has accepted. */
    int accepted() {
        return accepted.get();
    }

    private void serve() {
        while (!listener.isClosed()) {
            try (Socket socket = listener.accept()) {
                current = socket;
                OutputStream out = socket.getOutputStream();
                if (accepted.incrementAndGet() <= resets) {
                    out.write(Arrays.copyOfRange(poem, 0, Math.min(resetAfter, poem.length)));
                    out.flush();
                    resetGate.await();
                    socket.setSoLinger(true, 0); // close with RST: the client sees "Connection reset"
                    continue;
                }
                int first = Math.min(firstBytes, poem.length);
                out.write(Arrays.copyOfRange(poem, 0, first));
                out.flush();
                gate.await();
                out.write(Arrays.copyOfRange(poem, first, poem.length));
                out.flush();
            } catch (IOException e) {
                // the listener was closed, or the client went away: serve the next, or stop
            } catch (InterruptedException e) {
                return;
            }
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
