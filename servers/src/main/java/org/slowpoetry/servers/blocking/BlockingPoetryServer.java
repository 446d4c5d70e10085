package org.slowpoetry.servers.blocking;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.servers.ServerConfig;
import org.slowpoetry.servers.ServerEvents;

/**
 * A running blocking poetry server: one platform thread that accepts a client, writes it the whole
 * poem ({@code numBytes} every {@code delay} for a slow server, all at once for a fast one), closes
 * it, and accepts the next.
 *
 * <p><b>Threading:</b> {@link #start} runs on the caller's thread and returns once listening. The
 * serving thread ({@code blocking-server-PORT}) is private to this object. {@link #close()},
 * {@link #awaitTermination()}, {@link #address()} and {@link #failure()} may be called from any
 * other thread; {@code close()} and {@code awaitTermination()} throw {@link IllegalStateException}
 * on the serving thread (from a {@link ServerEvents} callback), where they would wait for themselves.
 */
final class BlockingPoetryServer implements PoetryServer {

    /* Implementation overview
     *
     * serveForever() is the whole server: accept, serve, close, repeat. While one client is served,
     * the kernel completes the TCP handshake of the others and queues them in the listen backlog;
     * they are connected but read nothing until accept() picks them. That queue is the lesson of
     * Part 2: a blocking server is as slow as its slowest client, times the number of clients.
     *
     * Stopping: close() must wake the serving thread wherever it blocks.
     *   - in accept():                    closing the listener makes accept() throw;
     *   - in write() to a client that does not read (full socket buffer):
     *                                     closing the client socket makes write() throw;
     *   - in clock.sleep() between sends: only an interrupt wakes it.
     * So close() does all three (java.net I/O on a platform thread ignores interrupts, hence the
     * closes), then joins the thread.
     *
     * The race between close() and an accept() that has just returned a new client is settled
     * Dekker-style with two volatiles: the serving thread writes `current`, then reads `state`;
     * close() writes `state`, then reads `current`. Volatile accesses are sequentially consistent,
     * so at least one side sees the other's write and closes the new client (closing twice is
     * harmless).
     */

    private static final Logger LOG = LoggerFactory.getLogger(BlockingPoetryServer.class);

    /** How many connecting clients the kernel queues while one is being served. */
    static final int BACKLOG = 50;

    private enum State {
        /** Accepting and serving. */
        SERVING,
        /** close() was called; the serving thread is on its way out. */
        STOPPING,
        /** The serving thread has ended (after close(), or on its own: see {@link #failure}). */
        STOPPED
    }

    private final ServerConfig config;
    private final ServerEvents events;
    /** The poem's bytes; written once in the constructor, only read after. */
    private final byte[] poem;
    private final ServerSocket listener;
    private final InetSocketAddress address;
    private final Thread thread;

    /**
     * SERVING to STOPPING by the first {@link #close()} (a CAS, so only one caller does the closing);
     * to STOPPED by the serving thread as it ends. Read by both.
     */
    private final AtomicReference<State> state = new AtomicReference<>(State.SERVING);

    /** The client being served, or null. Written by the serving thread, read by {@link #close()}. */
    private volatile Socket current;

    /**
     * Why the serving thread ended on its own, or null. Written by the serving thread before it ends;
     * read by {@link #failure()}, safely after {@link #awaitTermination()} (join happens-before).
     */
    private volatile Throwable failure;

    private BlockingPoetryServer(ServerConfig config, ServerSocket listener) {
        this.config = config;
        this.events = config.events();
        this.poem = config.poem().bytes();
        this.listener = listener;
        this.address = (InetSocketAddress) listener.getLocalSocketAddress();
        this.thread = Thread.ofPlatform()
                .name("blocking-server-" + address.getPort())
                .unstarted(this::serveForever);
    }

    /** Binds, reports {@code listening}, starts the serving thread. Closes the listener if bind fails. */
    static BlockingPoetryServer start(ServerConfig config) throws IOException {
        var listener = new ServerSocket();
        BlockingPoetryServer server;
        try {
            listener.bind(new InetSocketAddress(config.iface(), config.port()), BACKLOG);
            server = new BlockingPoetryServer(config, listener);
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
        config.events().listening(config.poem(), server.address);
        server.thread.start();
        return server;
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public void awaitTermination() throws InterruptedException {
        checkNotServingThread("awaitTermination()");
        thread.join();
    }

    @Override
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public void close() {
        checkNotServingThread("close()");
        if (state.compareAndSet(State.SERVING, State.STOPPING)) {
            closeQuietly(listener);
            Socket client = current;
            if (client != null) {
                closeQuietly(client);
            }
            thread.interrupt();
        }
        joinUninterruptibly();
    }

    @Override
    public String toString() {
        return "blocking " + config.kind().command() + " server on " + address + " (" + state.get() + ")";
    }

    // ---- the serving thread ----

    private void serveForever() {
        try {
            while (true) {
                Socket client;
                try {
                    client = listener.accept();
                } catch (IOException e) {
                    if (state.get() == State.SERVING) {
                        failure = e;
                        LOG.error("{}: accept failed, stopping: {}", this, e.toString());
                    }
                    return;
                }
                current = client;
                if (state.get() != State.SERVING) {
                    closeQuietly(client);
                    return;
                }
                if (!serve(client)) {
                    return;
                }
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            LOG.error("{}: stopping after an unexpected error", this, e);
        } finally {
            current = null;
            closeQuietly(listener);
            state.set(State.STOPPED);
        }
    }

    /** Serves one client and closes it; returns false if the server is stopping. */
    private boolean serve(Socket client) {
        assert Thread.currentThread() == thread;
        SocketAddress peer = client.getRemoteSocketAddress();
        try (client) {
            events.connected(peer);
            OutputStream out = client.getOutputStream();
            switch (config.kind()) {
                case SLOW -> sendSlowly(out, peer);
                case FAST -> out.write(poem);
            }
        } catch (IOException e) {
            if (state.get() != State.SERVING) {
                return false; // close() closed the socket under us: not the client's doing
            }
            LOG.debug("{}: lost {}", this, peer, e);
            events.dropped(peer, e);
            return true;
        } catch (InterruptedException e) {
            return false; // only close() interrupts us
        } finally {
            current = null;
        }
        events.finished(peer);
        return true;
    }

    /** {@code numBytes} at a time, waiting {@code delay} on the clock between sends (not after the last). */
    private void sendSlowly(OutputStream out, SocketAddress peer) throws IOException, InterruptedException {
        int step = config.numBytes();
        for (int at = 0; at < poem.length; at += step) {
            if (at > 0) {
                config.clock().sleep(config.delay());
            }
            int n = Math.min(step, poem.length - at);
            out.write(poem, at, n);
            events.sent(peer, n);
        }
    }

    // ---- helpers ----

    private void checkNotServingThread(String method) {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException(method + " called on the server's own thread would wait for itself");
        }
    }

    private void joinUninterruptibly() {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("ignored while closing {}", c, e);
        }
    }
}
