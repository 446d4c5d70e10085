package org.slowpoetry.clients;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import org.slowpoetry.protocol.Address;

/**
 * A poetry server that misbehaves, for client tests: it sends the first bytes of a poem and then
 * resets the connection (RST), as a server that crashes mid-poem would. One connection at a
 * time on 127.0.0.1. (Well-behaved servers in tests are the real ones: {@link TestServers}.)
 *
 * <p><b>Threading:</b> one platform thread accepts and serves; {@link #close()} closes the listening
 * socket, interrupts that thread and joins it.
 */
final class FixtureServer implements AutoCloseable {
    private final ServerSocket listener;
    private final Thread thread;
    private final byte[] poem;
    private final int numBytes;
    private final Duration delay;
    /** Bytes after which the connection is reset; {@code poem.length} or more for a whole poem. */
    private final int breakAfter;
    /** A breaking server resets the connection once this is counted down. */
    private final CountDownLatch resetWhen;
    /** The connection being served; written and read by the server thread, closed by close(). */
    private volatile Socket current;

    private FixtureServer(byte[] poem, int numBytes, Duration delay, int breakAfter, CountDownLatch resetWhen) {
        this.resetWhen = resetWhen;
        this.poem = poem.clone();
        this.numBytes = numBytes;
        this.delay = delay;
        this.breakAfter = breakAfter;
        try {
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.thread = Thread.ofPlatform().name("fixture-server-" + listener.getLocalPort()).start(this::serve);
    }

    /**
     * Sends the first {@code bytes} of {@code poem}, waits for {@code resetWhen} (the test counts it
     * down once the client has read them), then resets the connection (RST).
     */
    static FixtureServer breaking(byte[] poem, int bytes, CountDownLatch resetWhen) {
        return new FixtureServer(poem, bytes, Duration.ZERO, bytes, resetWhen);
    }

    Address address() {
        return new Address("127.0.0.1", listener.getLocalPort());
    }

    private void serve() {
        while (!listener.isClosed()) {
            try (Socket socket = listener.accept()) {
                current = socket;
                OutputStream out = socket.getOutputStream();
                int sent = 0;
                while (sent < poem.length && sent < breakAfter) {
                    int n = Math.min(numBytes, Math.min(poem.length, breakAfter) - sent);
                    out.write(Arrays.copyOfRange(poem, sent, sent + n));
                    out.flush();
                    sent += n;
                    if (sent < poem.length && !delay.isZero()) {
                        Thread.sleep(delay); // the server's pacing, not test synchronization
                    }
                }
                if (sent < poem.length) {
                    resetWhen.await();
                    socket.setSoLinger(true, 0); // close with RST: the client sees "Connection reset"
                }
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
