package org.slowpoetry.net;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slowpoetry.time.MonotonicClock;

/**
 * A running thread-per-connection server: the one accept loop that {@code --impl blocking} and
 * {@code --impl loom} share, for every kind of server (poetry, transform, proxy), and the one that
 * {@link org.slowpoetry.service.LoomTcpServer} runs as a service. It binds,
 * reports {@code listening}, and accepts on a thread of its own; each accepted client gets its
 * socket options and goes to the {@link ConnectionStrategy}, which serves it inline (blocking) or
 * forks it into a scope (loom). Binding, accepting and the pause after a failed accept are a
 * {@link BoundListener}'s, shared with {@code --impl erlang}.
 *
 * {@snippet :
 * RunningServer server = AcceptLoop.start(listen, new AcceptLoop.Setup("blocking", 50, false),
 *         loop -> client -> connection.serve(client, loop));
 * }
 *
 * <p><b>Rules every user gets:</b>
 * <ul>
 * <li>An interface name that does not resolve fails {@link #start} with an
 *     {@link UnknownHostException} naming it; a busy port with the JDK's
 *     {@link java.net.BindException}. Either way nothing is left open.</li>
 * <li>Slow servers send with {@code TCP_NODELAY}, so each small send leaves at once. A client that
 *     is gone before its options are set (a reset peer) is closed and forgotten.</li>
 * <li>A failed {@code accept()} while the listener is open ("Too many open files", a connection
 *     reset or aborted in the backlog) does not stop the server: it logs a warning (at most one
 *     a minute), pauses on the server's clock for a growing, bounded time
 *     ({@link AcceptBackoff}), and accepts again.</li>
 * <li>Writes to a client through {@link #output} are bounded by the write timeout: a client that
 *     takes no bytes for that long is closed ({@link WriteWatchdog}), so a client that never reads
 *     holds up no one for longer, not even the one thread of a blocking server.</li>
 * <li>{@link #close()} closes the listener and the client being served inline, interrupts the
 *     accepting thread, and returns once the strategy has ended every connection.</li>
 * </ul>
 *
 * <p><b>Threads</b> are named {@code STYLE-server-PORT-acceptor} and
 * {@code STYLE-server-PORT-write-watchdog}; a strategy names its own from {@link #name()}.
 *
 * <p><b>Threading:</b> {@link #start} runs on the caller's thread and returns once listening.
 * {@link #close()}, {@link #awaitTermination()}, {@link #address()}, {@link #failure()} and
 * {@link #serving()} may be called from any thread; {@code close()} and {@code awaitTermination()}
 * throw {@link WrongThreadException} on one of the server's own threads (the acceptor, or a thread
 * forked from it, such as a callback reporting a connection), where they would wait for themselves.
 */
public final class AcceptLoop implements RunningServer {

    /* Implementation overview
     *
     * run() is the accepting thread: it opens the strategy's Connections, accepts until stopped,
     * lets the Connections wait for their clients if the listener failed by itself, and closes them.
     *
     * Stopping: close() must wake the accepting thread wherever it blocks.
     *   - in accept():                           closing the listener makes accept() throw;
     *   - in an inline write to a client that does not read (a full socket buffer):
     *                                            closing that client makes write() throw
     *                                            (java.net I/O on a platform thread ignores interrupts);
     *   - in a sleep (inline pacing, the back-off), or the loom scope's join():
     *                                            only an interrupt wakes it.
     * So close() does all three, then joins the thread.
     *
     * The race between close() and an accept() that has just returned a client is settled
     * Dekker-style with two volatiles: the accepting thread writes `current`, then reads `state`;
     * close() writes `state`, then reads `current`. Volatile accesses are sequentially consistent,
     * so at least one side sees the other's write and closes the client (closing twice is harmless).
     *
     * OWN is a ScopedValue bound on the accepting thread; threads forked in a StructuredTaskScope
     * opened there inherit it. It lets close() recognise the server's own threads without a list.
     */

    private static final Logger LOG = LoggerFactory.getLogger(AcceptLoop.class);

    /** The loop whose thread this is: bound on the acceptor, inherited by threads forked in a scope. */
    private static final ScopedValue<AcceptLoop> OWN = ScopedValue.newInstance();

    /**
     * What differs between the users of the loop, besides their {@link ConnectionStrategy}.
     *
     * @param style           names the threads and log lines: {@code blocking}, {@code loom}
     * @param backlog         connecting clients the kernel may queue before {@code accept()}
     *                        (capped by {@code net.core.somaxconn})
     * @param virtualAcceptor whether the accepting thread is a virtual thread (else a platform one)
     */
    public record Setup(String style, int backlog, boolean virtualAcceptor) {
        public Setup {
            Objects.requireNonNull(style, "style");
            if (backlog < 1) {
                throw new IllegalArgumentException("backlog must be at least 1: " + backlog);
            }
        }
    }

    /**
     * Where and how a server listens: what the loop needs of a server's configuration, whatever
     * the server does with its connections.
     *
     * @param iface       the interface to bind (a name or a literal address)
     * @param port        the port, 0 for any free one
     * @param clock       the clock the back-off pauses on
     * @param noDelay     whether clients get {@code TCP_NODELAY} (servers that send in small pieces)
     * @param what        what it serves, for log lines and {@code toString}: {@code slow server}
     * @param writeTimeout  how long a client may take no bytes of a write before it is closed
     *                      ({@link WriteWatchdog}); positive
     * @param onListening told the bound address once listening, before the first accept
     */
    public record Listen(String iface, int port, MonotonicClock clock, boolean noDelay, String what,
            Duration writeTimeout, Consumer<InetSocketAddress> onListening) {
        /** The write timeout a server has unless told otherwise: 30 seconds. */
        public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);

        public Listen {
            Objects.requireNonNull(iface, "iface");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(writeTimeout, "writeTimeout");
            Objects.requireNonNull(onListening, "onListening");
            if (writeTimeout.isNegative() || writeTimeout.isZero()) {
                throw new IllegalArgumentException("the write timeout must be positive: " + writeTimeout);
            }
        }
    }

    private enum State {
        /** Accepting and serving. */
        SERVING,
        /** close() was called; the accepting thread is on its way out. */
        STOPPING,
        /** The accepting thread has ended (after close(), or on its own: see {@link #failure}). */
        STOPPED
    }

    private final Listen listen;
    private final Setup setup;
    private final ConnectionStrategy strategy;
    private final BoundListener listener;
    private final InetSocketAddress address;
    private final String name;
    private final Thread thread;
    /** Bounds the writes of {@link #output}; started with the loop, closed by the accepting thread as it ends. */
    private final WriteWatchdog watchdog;

    /**
     * SERVING to STOPPING by the first {@link #close()} (a CAS, so only one caller does the closing);
     * to STOPPED by the accepting thread as it ends. Read by both.
     */
    private final AtomicReference<State> state = new AtomicReference<>(State.SERVING);

    /**
     * The client just accepted, until the strategy's {@code serve} returns (so all the while an
     * inline client is served), or null. Written by the accepting thread, read by {@link #close()}.
     */
    private volatile Socket current;

    /**
     * Why the accepting thread ended on its own, or null. Written by the accepting thread before it
     * ends; read by {@link #failure()}, safely after {@link #awaitTermination()} (join happens-before).
     */
    private volatile Throwable failure;

    private AcceptLoop(Listen listen, Setup setup, ConnectionStrategy strategy, BoundListener listener) {
        this.listen = listen;
        this.setup = setup;
        this.strategy = strategy;
        this.listener = listener;
        this.address = listener.address();
        this.name = setup.style() + "-server-" + address.getPort();
        Thread.Builder builder = setup.virtualAcceptor() ? Thread.ofVirtual() : Thread.ofPlatform();
        this.thread = builder.name(name + "-acceptor")
                .unstarted(() -> ScopedValue.where(OWN, this).run(this::run));
        this.watchdog = WriteWatchdog.start(name, listen.writeTimeout(), listen.clock(),
                setup.virtualAcceptor() ? Thread.ofVirtual() : Thread.ofPlatform());
    }

    /**
     * Binds {@code listen.iface():listen.port()} with {@code setup.backlog()}, tells
     * {@code listen.onListening()}, and starts accepting; returns once listening.
     *
     * @throws UnknownHostException if the interface name does not resolve (the message names it)
     * @throws IOException          if the address cannot be bound ({@link java.net.BindException}
     *                              for a port in use); nothing is left open
     */
    public static AcceptLoop start(Listen listen, Setup setup, ConnectionStrategy strategy) throws IOException {
        return start(listen, setup, strategy, Acceptor.LISTENER);
    }

    /** {@link #start(Listen, Setup, ConnectionStrategy)} with the accept step replaced (tests). */
    static AcceptLoop start(Listen listen, Setup setup, ConnectionStrategy strategy, Acceptor acceptor)
            throws IOException {
        Objects.requireNonNull(strategy, "strategy");
        BoundListener listener = BoundListener.bind(listen, setup.backlog(), acceptor);
        AcceptLoop loop;
        try {
            loop = new AcceptLoop(listen, setup, strategy, listener);
        } catch (RuntimeException e) {
            listener.close();
            throw e;
        }
        try {
            listen.onListening().accept(loop.address);
        } catch (RuntimeException e) {
            listener.close();
            loop.watchdog.close();
            throw e;
        }
        loop.thread.start();
        return loop;
    }

    /** {@code STYLE-server-PORT}: the prefix of every thread of this server. */
    public String name() {
        return name;
    }

    /**
     * {@code client}'s output, every write bounded by the write timeout (see {@link WriteWatchdog}):
     * a client that takes no bytes for that long is closed, and the write throws
     * {@link WriteTimeoutException}. Closing the stream closes the client.
     */
    public OutputStream output(Socket client) {
        return watchdog.watch(client);
    }

    /**
     * Whether the server is still serving: false once {@link #close()} was called. A connection that
     * fails while this is false was ended by {@code close()}, not by its client.
     */
    public boolean serving() {
        return state.get() == State.SERVING;
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public void awaitTermination() throws InterruptedException {
        checkNotOwnThread("awaitTermination()");
        thread.join();
    }

    @Override
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public boolean isOwnThread() {
        return OWN.isBound() && OWN.get() == this;
    }

    @Override
    public void close() {
        checkNotOwnThread("close()");
        if (state.compareAndSet(State.SERVING, State.STOPPING)) {
            listener.close();       // wakes accept()
            Socket client = current;
            if (client != null) {
                closeQuietly(client); // wakes an inline write
            }
            thread.interrupt();       // wakes a sleep, the back-off, a scope's join()
        }
        Threads.joinUninterruptibly(thread);
    }

    @Override
    public String toString() {
        return setup.style() + " " + listen.what() + " on " + address + " (" + state.get() + ")";
    }

    // ---- the accepting thread ----

    private void run() {
        try (ConnectionStrategy.Connections connections = strategy.open(this)) {
            acceptUntilStopped(connections);
            connections.awaitServed(); // close() interrupts this; a failed listener waits for its clients
        } catch (InterruptedException e) {
            // close(): the connections have been closed on the way out, so every one has ended
        } catch (RuntimeException | Error e) {
            failure = e;
            LOG.error("{}: stopped after an unexpected error", this, e);
        } finally {
            current = null;
            listener.close();
            watchdog.close(); // every connection has ended: no write is left to watch
            state.set(State.STOPPED);
        }
    }

    private void acceptUntilStopped(ConnectionStrategy.Connections connections) throws InterruptedException {
        while (true) {
            Socket client;
            switch (listener.next()) {
                case BoundListener.Next.Client(Socket accepted) -> client = accepted;
                case BoundListener.Next.Closed(IOException why) -> {
                    if (serving()) {
                        failure = why;
                        LOG.error("{}: the listener closed under us; serving the current clients, then stopping: {}",
                                this, why.toString());
                    } // else close() closed it
                    return;
                }
            }
            current = client;
            try {
                if (!serving()) {
                    closeQuietly(client);
                    return;
                }
                connections.serve(client);
            } finally {
                current = null;
            }
        }
    }

    // ---- helpers ----

    private void checkNotOwnThread(String method) {
        if (isOwnThread()) {
            throw new WrongThreadException(method + " called on the server's own thread would wait for itself");
        }
    }

    /** Closes {@code c}, logging (at debug) rather than throwing what closing throws. */
    public static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("ignored while closing {}: {}", c, e.toString());
        }
    }
}
