package org.slowpoetry.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bound listening socket and the one way slowpoetry's blocking-style servers take clients off
 * it: accept, pause after a failed accept, set the client's socket options. The {@link AcceptLoop}
 * runs it on its accepting thread; {@code --impl erlang} runs it in its acceptor process, which a
 * supervisor may restart over the same listener.
 *
 * {@snippet :
 * try (BoundListener listener = BoundListener.bind(listen, 4096)) {
 *     while (listener.next() instanceof BoundListener.Next.Client(Socket client)) {
 *         hand(client);   // options already set
 *     }
 * }
 * }
 *
 * <p><b>Rules:</b> an interface name that does not resolve fails {@link #bind} with an
 * {@link UnknownHostException} naming it, a busy port with the JDK's
 * {@link java.net.BindException}; either way nothing is left open. A failed {@code accept()} while
 * the listener is open ("Too many open files", a peer that reset in the backlog) logs a warning
 * (at most one a minute, however the failures come), pauses on the listen clock for a growing,
 * bounded time ({@link AcceptBackoff}), and accepts again. A client that is gone before its
 * options are set is closed and skipped.
 *
 * <p><b>Threading:</b> {@link #next()} is called by one thread at a time (the accepting thread or
 * process that owns the pauses; a restarted process takes over from the one that ended).
 * {@link #close()}, {@link #address()} and {@link #isClosed()} may be called from any thread;
 * closing wakes a {@code next()} blocked in {@code accept()}, and an interrupt wakes one pausing.
 */
public final class BoundListener implements AutoCloseable {

    /*
     * Implementation overview.
     *
     * The back-off is per listener, not per caller: a restarted acceptor process continues the run
     * of failures of the one before it. next() is only ever called by one thread at a time, and the
     * hand-over between callers (a process ending, the supervisor starting the next) goes through
     * Thread.join/Thread.start, which order the back-off's writes before the next caller's reads.
     */

    private static final Logger LOG = LoggerFactory.getLogger(BoundListener.class);

    /**
     * What {@link #next()} found. Sealed: a caller handles both.
     *
     * <p><b>Threading:</b> immutable values.
     */
    public sealed interface Next {
        /** A client, its socket options set; the caller owns (and must close) it. */
        record Client(Socket socket) implements Next {
            public Client {
                Objects.requireNonNull(socket, "socket");
            }
        }

        /**
         * The listener is closed: by {@link #close()} (the owner's doing), or by itself, which the
         * owner can tell from whether it called {@code close()}.
         */
        record Closed(IOException why) implements Next {
            public Closed {
                Objects.requireNonNull(why, "why");
            }
        }
    }

    private final AcceptLoop.Listen listen;
    private final Acceptor acceptor;
    private final ServerSocket socket;
    private final InetSocketAddress address;
    /** Pauses after failed accepts. Written and read only by the caller of {@link #next()}. */
    private final AcceptBackoff backoff;

    private BoundListener(AcceptLoop.Listen listen, Acceptor acceptor, ServerSocket socket) {
        this.listen = listen;
        this.acceptor = acceptor;
        this.socket = socket;
        this.address = (InetSocketAddress) socket.getLocalSocketAddress();
        this.backoff = new AcceptBackoff(listen.clock());
    }

    /**
     * Binds {@code listen.iface():listen.port()} with {@code backlog}. Does not call
     * {@code listen.onListening()}: the owner does, once it is ready to accept.
     *
     * @param backlog connecting clients the kernel may queue before {@code accept()} (capped by
     *                {@code net.core.somaxconn}), at least 1
     * @throws UnknownHostException if the interface name does not resolve (the message names it)
     * @throws IOException          if the address cannot be bound; nothing is left open
     */
    public static BoundListener bind(AcceptLoop.Listen listen, int backlog) throws IOException {
        return bind(listen, backlog, Acceptor.LISTENER);
    }

    /** {@link #bind(AcceptLoop.Listen, int)} with the accept step replaced (tests). */
    static BoundListener bind(AcceptLoop.Listen listen, int backlog, Acceptor acceptor) throws IOException {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(acceptor, "acceptor");
        if (backlog < 1) {
            throw new IllegalArgumentException("backlog must be at least 1: " + backlog);
        }
        var socket = new ServerSocket();
        try {
            var endpoint = new InetSocketAddress(listen.iface(), listen.port());
            if (endpoint.isUnresolved()) {
                throw new UnknownHostException("unknown interface '" + listen.iface() + "'");
            }
            socket.bind(endpoint, backlog);
            return new BoundListener(listen, acceptor, socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** The bound address (the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return address;
    }

    /** How the owner listens (for its {@code onListening} and its log lines). */
    public AcceptLoop.Listen listen() {
        return listen;
    }

    /**
     * Blocks until the next client connects and returns it with its options set, or returns
     * {@link Next.Closed} once the listener is closed. Failed accepts while it is open are paused
     * after and retried, never returned.
     *
     * @throws InterruptedException if interrupted while pausing after a failed accept
     */
    public Next next() throws InterruptedException {
        while (true) {
            Socket client;
            try {
                client = acceptor.accept(socket);
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return new Next.Closed(e);
                }
                pauseAfter(e);
                continue;
            }
            if (backoff.failures() > 0) {
                LOG.debug("{}: accepting again after {} failed accepts", this, backoff.failures());
                backoff.reset();
            }
            if (configure(client)) {
                return new Next.Client(client);
            }
        }
    }

    public boolean isClosed() {
        return socket.isClosed();
    }

    /** Closes the listening socket, waking a {@link #next()} blocked in {@code accept()}. Idempotent. */
    @Override
    public void close() {
        AcceptLoop.closeQuietly(socket);
    }

    @Override
    public String toString() {
        return listen.what() + " on " + address;
    }

    /** A log line now and then (see {@link AcceptBackoff}); then a pause that grows with the run, on the listen clock. */
    private void pauseAfter(IOException e) throws InterruptedException {
        AcceptBackoff.Pause pause = backoff.next();
        if (pause.warn()) {
            LOG.warn("{}: accept failed, retrying after pauses of {} ms growing to {} ms (this warning at most once every"
                    + " {} s): {}", this, pause.length().toMillis(), AcceptBackoff.MAX.toMillis(),
                    AcceptBackoff.WARN_EVERY.toSeconds(), e.toString());
        } else {
            LOG.debug("{}: accept failed {} times in a row: {}", this, backoff.failures(), e.toString());
        }
        listen.clock().sleep(pause.length());
    }

    /** Sets the client's socket options; false (and the client closed) if it is already gone. */
    private boolean configure(Socket client) {
        try {
            if (listen.noDelay()) {
                client.setTcpNoDelay(true); // each small send goes out now, not when Nagle allows
            }
            return true;
        } catch (SocketException e) {
            LOG.debug("{}: {} left before it was served: {}", this, client.getRemoteSocketAddress(), e.toString());
            AcceptLoop.closeQuietly(client);
            return false;
        }
    }
}
