package org.slowpoetry.clients;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import org.slowpoetry.protocol.Address;

/**
 * A poetry server that misbehaves the way a test says, one connection at a time on 127.0.0.1, for
 * the client contract: it closes at once (no poem), stays silent, or sends the first bytes of a poem
 * and then resets the connection (RST), as a crashing server would. Well-behaved servers in tests
 * are the real ones ({@link TestServers}). Ordering comes from latches, never from time.
 *
 * <p><b>Threading:</b> one platform thread accepts and serves; {@link #close()} closes the listening
 * socket and the connection being served, interrupts the thread and joins it.
 */
final class ScriptedPoetryServer implements AutoCloseable {

    /** What it does with each connection. */
    enum Script {
        /** Accept, then close at once without a byte. */
        CLOSE_AT_ONCE,
        /** Accept and send nothing until closed. */
        SILENT,
        /** Send the first bytes, wait for the test's latch, then reset. */
        RESET_MID_POEM
    }

    private final ServerSocket listener;
    private final Thread thread;
    private final Script script;
    private final byte[] first;
    private final CountDownLatch resetWhen;
    /** The connection being served; written by the server thread, closed by close(). */
    private volatile Socket current;

    private ScriptedPoetryServer(Script script, byte[] first, CountDownLatch resetWhen) {
        this.script = script;
        this.first = first.clone();
        this.resetWhen = resetWhen;
        try {
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.thread = Thread.ofPlatform().name("scripted-server-" + listener.getLocalPort()).start(this::serve);
    }

    /** Closes every connection at once, before sending a byte (as a server turning clients away). */
    static ScriptedPoetryServer closingAtOnce() {
        return new ScriptedPoetryServer(Script.CLOSE_AT_ONCE, new byte[0], new CountDownLatch(0));
    }

    /** Accepts and never sends. */
    static ScriptedPoetryServer silent() {
        return new ScriptedPoetryServer(Script.SILENT, new byte[0], new CountDownLatch(0));
    }

    /**
     * Sends the first {@code bytes} of {@code poem}, waits until the test opens {@code resetWhen}
     * (once the client has read them), then resets the connection.
     */
    static ScriptedPoetryServer resettingAfter(byte[] poem, int bytes, CountDownLatch resetWhen) {
        return new ScriptedPoetryServer(Script.RESET_MID_POEM, Arrays.copyOf(poem, bytes), resetWhen);
    }

    Address address() {
        return new Address("127.0.0.1", listener.getLocalPort());
    }

    private void serve() {
        while (!listener.isClosed()) {
            try (Socket socket = listener.accept()) {
                current = socket;
                switch (script) {
                    case CLOSE_AT_ONCE -> { }
                    case SILENT -> new CountDownLatch(1).await(); // until close() interrupts
                    case RESET_MID_POEM -> {
                        OutputStream out = socket.getOutputStream();
                        out.write(first);
                        out.flush();
                        resetWhen.await();
                        socket.setSoLinger(true, 0); // close with RST: the client sees "Connection reset"
                    }
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
