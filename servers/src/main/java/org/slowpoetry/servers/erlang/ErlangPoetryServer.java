package org.slowpoetry.servers.erlang;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.slowpoetry.loom.ChildSpec;
import org.slowpoetry.loom.ExitReason;
import org.slowpoetry.loom.Mailbox;
import org.slowpoetry.loom.Pid;
import org.slowpoetry.loom.ProcessBody;
import org.slowpoetry.loom.Restart;
import org.slowpoetry.loom.RestartStrategy;
import org.slowpoetry.loom.Supervisor;
import org.slowpoetry.net.AcceptLoop;
import org.slowpoetry.net.BoundListener;
import org.slowpoetry.net.WriteWatchdog;
import org.slowpoetry.servers.PoemConnection;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.servers.ServerConfig;

/**
 * The erlang poetry server: Part 20's exercise 6, the poetry server as an Erlang process tree on
 * virtual threads.
 *
 * {@snippet lang = "text" :
 * erlang-server-PORT                  Supervisor, one_for_one
 * ├── connections                     permanent: spawn_monitor per client, hears every 'DOWN'
 * │   ├── connection-1                temporary (never restarted): PoemConnection, then exit
 * │   ├── connection-2
 * │   └── ...
 * └── acceptor                        transient: accept, hand the client to connections, again
 * }
 *
 * <p>The acceptor blocks in {@code accept()}, so it cannot also wait for {@code 'DOWN'} notices;
 * as in Erlang, each process waits in one place, and the two jobs are two processes. The acceptor
 * takes clients off the server's {@link BoundListener} (the accept, the back-off after a failed
 * accept and the socket options every thread-per-connection impl shares) and sends each one, as a
 * message, to {@code connections} ({@link ConnectionsProcess}), which spawns and monitors a process
 * per client and enforces {@code --max-connections}.
 *
 * <p><b>Failures.</b> A connection process that crashes ends alone: its socket is closed, the
 * others go on, and its {@code Down} is reported by {@code connections}. The acceptor is
 * <em>transient</em>: its job ends normally when {@link #close()} closes the listener; if it
 * crashes it is restarted over the same listener, and if the listener itself failed the restarted
 * acceptor crashes again at once, the supervisor gives up after its restart intensity (1 restart
 * in 5 s, on the config's clock), and the server stops with that as its {@link #failure()}.
 *
 * <p><b>Ownership.</b> The server owns the listener, the supervisor and the {@link WriteWatchdog}
 * that bounds every connection's writes (a client that takes none of the poem for the write
 * timeout is closed); the supervisor owns its two children; {@code connections} owns the
 * connection processes. {@link #close()} closes the listener (the acceptor's job is done), then
 * the supervisor, which exits {@code connections}, which ends every connection process and waits
 * for it; then the watchdog; then the server closes any client that was accepted but not yet
 * taken up. Nothing outlives {@code close()}.
 *
 * <p><b>Threading:</b> {@link #start} runs on the caller's thread and returns once listening.
 * Every other method may be called from any thread; {@link #close()} and
 * {@link #awaitTermination()} throw {@link WrongThreadException} on a thread of the server's own
 * processes (a {@link org.slowpoetry.servers.ServerEvents} callback, say), where they would wait
 * for themselves.
 */
final class ErlangPoetryServer implements PoetryServer {

    /*
     * Implementation overview.
     *
     * `inbox` is the connections process's mailbox, owned by the server rather than by one
     * incarnation of the process, so the acceptor can send to it from the start (before start()
     * has even returned the supervisor) and a restarted connections process finds what was sent
     * meanwhile. Whatever is left in it when everything has stopped is drained by close(): a client
     * accepted but never taken up is closed there.
     *
     * OWN is a ScopedValue bound in the body of every process the server runs (not inherited by
     * new threads, hence bound in each): it lets close() recognise the server's own threads.
     */

    /** Connecting clients the kernel may queue before accept(), as the loom impl. */
    static final int BACKLOG = 4096;

    /** The server whose process this is: bound in each of its process bodies. */
    private static final ScopedValue<ErlangPoetryServer> OWN = ScopedValue.newInstance();

    private enum State {
        /** Accepting and serving. */
        SERVING,
        /** close() was called: the processes are being stopped. */
        STOPPING,
        /** Every process has ended, after close() or a failure of the supervisor. */
        STOPPED
    }

    /**
     * What a connection process does with its client; the socket is closed after it however it
     * ends. A seam for tests, which wrap it to crash one connection on purpose.
     *
     * <p><b>Threading:</b> runs on a connection process's thread.
     */
    @FunctionalInterface
    interface ConnectionWork {
        void serve(Socket client) throws Exception;
    }

    private final BoundListener listener;
    private final String name;
    private final String description;
    private final Mailbox<Object> inbox = new Mailbox<>();
    private final Supervisor supervisor;
    /** Bounds the connection processes' writes; closed by close() once they have all ended. */
    private final WriteWatchdog watchdog;
    /** SERVING to STOPPING by the first close() (a CAS); to STOPPED once everything has ended. Read by all. */
    private final AtomicReference<State> state = new AtomicReference<>(State.SERVING);
    /** Why the supervisor gave up, or null. Written by whoever first sees it end failed; read by failure(). */
    private volatile Throwable failure;

    private ErlangPoetryServer(ServerConfig config, BoundListener listener, UnaryOperator<ConnectionWork> around) {
        this.listener = listener;
        this.name = "erlang-server-" + listener.address().getPort();
        this.description = "erlang " + listener;
        this.watchdog = WriteWatchdog.start(name, config.writeTimeout(), config.clock(), Thread.ofVirtual());
        PoemConnection poem = new PoemConnection(config);
        ConnectionWork work = around.apply(client -> poem.serve(client, watchdog.watch(client), this, this::serving));
        var connections = new ConnectionsProcess(name, this, config.events(), config.maxConnections(),
                client -> owned(self -> {
                    try (client) {
                        work.serve(client);
                    }
                }));
        try {
            this.supervisor = Supervisor.builder(name)
                    .strategy(RestartStrategy.ONE_FOR_ONE)
                    .clock(config.clock())
                    .child(ChildSpec.of("connections", Restart.PERMANENT, owned(self -> connections.run(inbox))))
                    .child(ChildSpec.of("acceptor", Restart.TRANSIENT, owned(this::accept)))
                    .start();
        } catch (RuntimeException | Error e) {
            watchdog.close(); // start() closes the listener
            throw e;
        }
    }

    /** Binds, reports {@code listening}, starts the process tree; see {@link org.slowpoetry.servers.ServerImpl#start}. */
    static PoetryServer start(ServerConfig config) throws IOException {
        return start(config, UnaryOperator.identity());
    }

    /** {@link #start(ServerConfig)} with each connection's work wrapped by {@code around} (tests). */
    static PoetryServer start(ServerConfig config, UnaryOperator<ConnectionWork> around) throws IOException {
        BoundListener listener = BoundListener.bind(config.listen(), BACKLOG);
        try {
            listener.listen().onListening().accept(listener.address());
            return new ErlangPoetryServer(config, listener, around);
        } catch (RuntimeException | Error e) {
            listener.close();
            throw e;
        }
    }

    @Override
    public InetSocketAddress address() {
        return listener.address();
    }

    @Override
    public void awaitTermination() throws InterruptedException {
        checkNotOwnThread("awaitTermination()");
        supervisor.join();
        close(); // the supervisor ends on its own only when it gives up: release what is left
    }

    @Override
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public void close() {
        checkNotOwnThread("close()");
        state.compareAndSet(State.SERVING, State.STOPPING);
        listener.close();   // the acceptor's job is done: it returns, and is not restarted
        supervisor.close(); // connections exits, ending every connection process; waits for all
        watchdog.close();   // no write is left to watch
        if (outcome() instanceof ExitReason.Failed(Throwable why) && failure == null) {
            failure = why;
        }
        drain();
        state.set(State.STOPPED);
    }

    @Override
    public String toString() {
        return description + " (" + state.get() + ")";
    }

    /** Whether the server is still serving: false once {@link #close()} was called. */
    boolean serving() {
        return state.get() == State.SERVING;
    }

    // ---- the acceptor process ----

    private void accept(Pid<Object> self) throws InterruptedException {
        while (true) {
            switch (listener.next()) {
                case BoundListener.Next.Client(Socket client) -> inbox.send(new ConnectionsProcess.Accepted(client));
                case BoundListener.Next.Closed(IOException why) -> {
                    if (serving()) {
                        // Let it crash: the supervisor restarts the acceptor, and gives up if it keeps failing.
                        throw new UncheckedIOException("the listener of " + this + " closed by itself", why);
                    }
                    return; // close() closed it
                }
            }
        }
    }

    // ---- helpers ----

    /** {@code body}, run with {@link #OWN} bound to this server. */
    private ProcessBody<Object> owned(ProcessBody<Object> body) {
        return self -> ScopedValue.where(OWN, this).call(() -> {
            body.run(self);
            return null;
        });
    }

    /** The supervisor's end, once it has ended. */
    private ExitReason outcome() {
        try {
            return supervisor.join(Duration.ZERO).orElseThrow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitReason.normal();
        }
    }

    /** Closes every client that was accepted but never taken up by a connection process. */
    private void drain() {
        boolean interrupted = Thread.interrupted(); // polling must work for an interrupted closer too
        try {
            Optional<Object> left;
            while ((left = inbox.receive(Duration.ZERO)).isPresent()) {
                if (left.get() instanceof ConnectionsProcess.Accepted(Socket client)) {
                    AcceptLoop.closeQuietly(client);
                }
            }
        } catch (InterruptedException e) {
            interrupted = true; // not reached: the flag was cleared, and a poll does not wait
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isOwnThread() {
        return OWN.isBound() && OWN.get() == this;
    }

    private void checkNotOwnThread(String method) {
        if (isOwnThread()) {
            throw new WrongThreadException(method + " called on the server's own process would wait for itself");
        }
    }
}
