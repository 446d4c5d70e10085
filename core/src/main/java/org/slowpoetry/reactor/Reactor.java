package org.slowpoetry.reactor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slowpoetry.time.MonotonicClock;

/**
 * An event loop on a {@link Selector}: Twisted's reactor (Parts 2–5). One thread runs
 * {@link #run()}, which waits for I/O and timers and calls back the code that registered for them,
 * one callback at a time, until {@link #stop()}.
 *
 * {@snippet :
 * try (Reactor reactor = Reactor.open()) {
 *     reactor.callWhenRunning(() -> System.out.println("Hello from the reactor loop!"));
 *     reactor.callLater(Duration.ofSeconds(1), reactor::stop);
 *     System.out.println("Starting the reactor.");
 *     reactor.run();                        // returns after stop()
 * }
 * }
 *
 * <p>What it offers, each as in Twisted:
 * <ul>
 *   <li>time: {@link #callLater}, {@link #callWhenRunning} ({@code IReactorTime}, on an injected
 *       {@link MonotonicClock});
 *   <li>threads: {@link #callFromThread} ({@code IReactorThreads});
 *   <li>raw descriptors: {@link #addReader}, {@link #addWriter}, {@link #removeReader},
 *       {@link #removeWriter}, {@link #removeAll} ({@code IReactorFDSet}, Part 4);
 *   <li>TCP: {@link #connectTCP} and {@link #listenTCP} with {@link Protocol}s made by factories
 *       ({@code IReactorTCP}, Parts 5 and 11);
 *   <li>what it holds, for tests (Part 15): {@link #pendingCalls}, {@link #listeningPorts},
 *       {@link #connections}.
 * </ul>
 *
 * <p>A callback that throws is logged with its stack trace and the loop goes on (Part 3's
 * "I fall down. But I get up again."); {@link #setUncaughtExceptionHandler} puts something else
 * in place of the log. A protocol callback that throws also loses its connection.
 * A callback must never block: while it runs, nothing else does.
 *
 * <p><b>Runs once.</b> {@code NEW → RUNNING → STOPPING → STOPPED} ({@link ReactorState}). Like
 * Twisted's, a reactor is not restartable: stopping it tears down every resource registered with it
 * (listening ports are closed, connections lost, connectors failed, shutdown triggers run, pending
 * timers dropped, the selector closed), so there is nothing left to run again. A second
 * {@link #run()} throws; open a new reactor instead.
 *
 * <p><b>Threading:</b> one thread owns the reactor, and {@link #inEventLoop()} is true on it: the
 * thread that {@linkplain #open() opened} it, which configures it (listens, connects, schedules),
 * until another thread calls {@link #run()} (or a {@link ReactorThread} takes it over); from then
 * on the thread running it. Every method must be called on that thread and throws
 * {@link WrongThreadException} elsewhere, except these, which are safe from any thread:
 * {@link #callFromThread}, {@link #blockingCallFromThread}, {@link #inEventLoop()},
 * {@link #state()}, {@link #clock()}, {@link #selectorKind()}, {@link #awaitTermination()} and
 * {@link #close()} (which waits). {@code callFromThread(reactor::stop)} stops it from elsewhere.
 * Code holding the reactor, such as an {@code InlineCallbacks} body of it, counts as its thread
 * while it runs, since the loop thread is parked under it (see {@link #inEventLoop()}).
 * A task submitted with {@code callFromThread} happens-before it runs; everything the loop did
 * happens-before {@link #awaitTermination()} returns.
 */
public final class Reactor implements EventLoop, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Reactor.class);

    /* Implementation overview
     *
     * Reactor is the loop: its life (run, stop, the teardown), its timers and the calls other
     * threads hand it. Two package-private collaborators hold the rest, and its public methods for
     * them are doors: SelectorRegistry (channels, interest ops, dispatch of ready keys) and
     * TcpFacade (listenTCP, connectTCP, the factories they start and stop).
     *
     * One iteration of run():
     *   1. select: block until I/O, the next timer, or a wakeup (not at all if work is waiting);
     *      the registry dispatches each ready key to its descriptors' doRead/doWrite;
     *      then run what waited for that select (afterSelect): a channel closed while registered
     *      keeps its socket until the selector deregisters it, which the select does, so "the
     *      port is closed" is only true from here (stopListening's Deferred);
     *   2. run the "soon" queue: the reactor's own deferred events (connectionLost after
     *      abortConnection, failures found inside write()), so a protocol is never called back
     *      from inside its own call into the transport;
     *   3. run up to 1024 callFromThread tasks (ThreadCallQueue: MPSC queue + one wakeup per sleep);
     *   4. run the timers due at the start of this step (TimerQueue), at most
     *      MAX_TIMERS_PER_ITERATION of them; a timer scheduled by a timer waits for the next
     *      iteration, as Twisted's _newTimedCalls do, so a zero-delay loop cannot starve I/O.
     *
     * Accept before timers: Twisted runs every due timer in one iteration. With 10,000 slow clients
     * whose sends come due together, that is tens of milliseconds in which no select runs, so the
     * listening socket is not accepted from and the kernel's accept queue (the backlog) fills and
     * drops handshakes. So a burst of due timers is run in slices: after a slice the loop selects
     * again without blocking (a timer is overdue), accepts and reads what is ready, and goes on
     * with the timers where it stopped. The order stays the text's: time, then scheduling order
     * (the heap keeps the rest in that order, and a call scheduled meanwhile is either later or
     * at the same time with a later sequence number).
     *
     * When the reactor stops, the registry disconnects every channel still registered, with
     * ConnectionLost(ReactorStoppedException), so no channel outlives the reactor.
     */

    /** callFromThread tasks run per iteration before I/O gets its turn again. */
    private static final int MAX_THREAD_CALLS_PER_ITERATION = 1024;
    /**
     * Due timers run per iteration before I/O (accepting above all) gets its turn again: a few
     * milliseconds of sends at most, against one non-blocking select per slice.
     */
    static final int MAX_TIMERS_PER_ITERATION = 256;
    /** The TCP connect timeout when none is given, as in Twisted. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private final SelectorKind kind;
    private final MonotonicClock clock;
    private final TimerQueue timers;
    private final ThreadCallQueue threadCalls;
    /** The JFR event timing the current loop iteration's work; loop thread only. */
    private LoopIterationEvent iteration;
    /** {@link #beginIteration}, made once: the registry runs it when a select's wait is over. */
    private final Runnable beginIteration = this::beginIteration;
    private final SelectorRegistry registry;
    private final TcpFacade tcp;
    /** Written by run/stop/close on the loop thread (run's CAS from the thread calling it); read anywhere. */
    private final AtomicReference<ReactorState> state = new AtomicReference<>(ReactorState.NEW);
    /** The owning thread: the opener, then the runner (see Threading). Written before run's loop; read anywhere. */
    private volatile Thread loopThread;
    /** Set by {@link #handOff} (opener thread) before the runner starts; read by close(). */
    private volatile boolean handedOff;
    /** Counted down when the reactor has reached STOPPED. */
    private final CountDownLatch terminated = new CountDownLatch(1);
    /** The reactor's own deferred events; loop thread only. */
    private final ArrayDeque<Runnable> soon = new ArrayDeque<>();
    /** Waiting for the next select to release the sockets closed before it; loop thread only. */
    private final ArrayDeque<Runnable> afterSelect = new ArrayDeque<>();
    /** callWhenRunning tasks waiting for run(); loop thread only; null once running. */
    private List<Runnable> startupCalls = new ArrayList<>();
    /**
     * What {@link #runSafely} does with what a callback throws: written by
     * {@link #setUncaughtExceptionHandler}, read by runSafely; loop thread only.
     */
    private Consumer<? super Throwable> uncaughtExceptionHandler = Reactor::logUncaught;
    /** Run when the reactor stops, before connections are torn down; loop thread only. */
    private final List<Runnable> shutdownTriggers = new ArrayList<>();

    private Reactor(SelectorKind kind, MonotonicClock clock) throws IOException {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.clock = Objects.requireNonNull(clock, "clock");
        Selector selector = kind.open();
        this.timers = new TimerQueue(clock, this::checkInLoop);
        this.threadCalls = new ThreadCallQueue(selector);
        this.registry = new SelectorRegistry(this, selector);
        this.tcp = new TcpFacade(this);
        this.loopThread = Thread.currentThread();
    }

    /** A reactor on the default selector ({@link SelectorKind#EPOLL}) and the system clock. */
    public static Reactor open() throws IOException {
        return open(SelectorKind.EPOLL, MonotonicClock.system());
    }

    /**
     * A reactor on {@code kind}'s selector and the system clock.
     *
     * @throws SelectorUnavailableException if this JVM cannot give that selector
     */
    public static Reactor open(SelectorKind kind) throws IOException {
        return open(kind, MonotonicClock.system());
    }

    /**
     * A reactor on {@code kind}'s selector whose timers run on {@code clock}.
     *
     * @throws SelectorUnavailableException if this JVM cannot give that selector
     * @throws IOException if the selector cannot be opened
     */
    public static Reactor open(SelectorKind kind, MonotonicClock clock) throws IOException {
        return new Reactor(kind, clock);
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Runs the loop on the calling thread until {@link #stop()}, then tears everything down (see
     * the class comment) and returns. The {@link #callWhenRunning} tasks run first.
     *
     * @throws IllegalStateException if the reactor has run (or been closed) before: it runs once
     * @throws UncheckedIOException if the selector itself fails (after the teardown)
     */
    public void run() {
        if (!state.compareAndSet(ReactorState.NEW, ReactorState.RUNNING)) {
            throw new IllegalStateException("a reactor runs only once, and this one is " + state()
                    + "; open a new one (stopping tore down everything registered with it)");
        }
        loopThread = Thread.currentThread();
        try {
            List<Runnable> startup = startupCalls;
            startupCalls = null;
            startup.forEach(this::runSafely);
            while (state.get() == ReactorState.RUNNING) {
                iterate();
            }
        } catch (IOException e) {
            LOG.error("the selector failed; stopping the reactor", e);
            throw new UncheckedIOException(e);
        } finally {
            state.compareAndSet(ReactorState.RUNNING, ReactorState.STOPPING);
            shutDown();
        }
    }

    /**
     * Stops the loop: the current iteration finishes, then {@link #run()} tears everything down and
     * returns. From another thread: {@code reactor.callFromThread(reactor::stop)}.
     *
     * @throws IllegalStateException if it is not running (not started yet, or already stopping:
     *     Twisted's {@code ReactorNotRunning})
     */
    public void stop() {
        checkInLoop("stop");
        if (!state.compareAndSet(ReactorState.RUNNING, ReactorState.STOPPING)) {
            throw new IllegalStateException("cannot stop a reactor that is not running (it is " + state() + ")");
        }
    }

    /** Where the reactor is in its life. Any thread. */
    public ReactorState state() {
        return state.get();
    }

    /**
     * Closes the reactor. One that never ran is torn down here, as a stop would (on the thread
     * configuring it); one that is running is stopped and waited for (from any other thread); one
     * that has stopped is left alone.
     *
     * @throws WrongThreadException if called from a callback on the running loop (it would wait for
     *     itself: call {@link #stop()}), or, before run, from a thread other than the opener
     */
    @Override
    public void close() {
        ReactorState now = state.get();
        if (now == ReactorState.STOPPED) {
            return;
        }
        if (inEventLoop()) {
            if (now == ReactorState.NEW && state.compareAndSet(ReactorState.NEW, ReactorState.STOPPING)) {
                startupCalls = null;
                shutDown();
                return;
            }
            if (state.get() != ReactorState.STOPPED) {
                throw new WrongThreadException("close() from a reactor callback would wait for itself;"
                        + " call stop() and let run() return");
            }
            return;
        }
        if (now == ReactorState.NEW && !handedOff) {
            checkInLoop("close"); // nobody will run it: only its opener may tear it down
        }
        callFromThread(this::stopIfRunning);
        awaitUninterruptibly();
    }

    /**
     * Blocks until the reactor has stopped and torn everything down.
     *
     * @throws WrongThreadException on the loop thread while it runs (it would wait forever)
     */
    public void awaitTermination() throws InterruptedException {
        if (inEventLoop() && state.get() != ReactorState.STOPPED) {
            throw new WrongThreadException("awaitTermination() on the reactor's own thread would wait forever");
        }
        terminated.await();
    }

    /**
     * Runs {@code task} once the loop is running (at once, if it is): Twisted's
     * {@code callWhenRunning}. Tasks run in the order given.
     *
     * @throws ReactorStoppedException if the reactor is stopping or stopped
     */
    public void callWhenRunning(Runnable task) {
        checkInLoop("callWhenRunning");
        Objects.requireNonNull(task, "task");
        switch (state.get()) {
            case NEW -> startupCalls.add(task);
            case RUNNING -> runSafely(task);
            case STOPPING, STOPPED -> throw new ReactorStoppedException("callWhenRunning after the reactor stopped");
        }
    }

    /**
     * Runs {@code trigger} when the reactor stops, before it tears down connections and ports:
     * Twisted's {@code addSystemEventTrigger("before", "shutdown", ...)}. Triggers run in the order
     * added; one that throws is logged.
     *
     * @throws ReactorStoppedException if the reactor is stopping or stopped
     */
    public void addShutdownTrigger(Runnable trigger) {
        checkInLoop("addShutdownTrigger");
        Objects.requireNonNull(trigger, "trigger");
        requireAlive("addShutdownTrigger");
        shutdownTriggers.add(trigger);
    }

    /**
     * Sets what happens to an exception (or error) that a callback lets escape: a
     * {@link #callWhenRunning} task, a timer, a {@link #callFromThread} task, a shutdown trigger.
     * Twisted logs it ({@code log.err}), and so does the default handler: through slf4j at ERROR,
     * with its stack trace. Whatever the handler does, the loop goes on; if the handler itself
     * throws, both exceptions are logged. Exceptions thrown by descriptors and protocols (which
     * also lose their connection) are always logged.
     *
     * {@snippet :
     * reactor.setUncaughtExceptionHandler(e -> e.printStackTrace(out));   // Part 3's exception example
     * }
     *
     * @param handler called on the loop thread with each escaped exception; it must not block
     * @throws WrongThreadException off the reactor's thread
     */
    public void setUncaughtExceptionHandler(Consumer<? super Throwable> handler) {
        checkInLoop("setUncaughtExceptionHandler");
        uncaughtExceptionHandler = Objects.requireNonNull(handler, "handler");
    }

    // ---------------------------------------------------------------- EventLoop

    @Override
    public MonotonicClock clock() {
        return clock;
    }

    /** Which selector this reactor waits in. */
    public SelectorKind selectorKind() {
        return kind;
    }

    /**
     * {@inheritDoc}
     *
     * <p>While the reactor is stopping, calls may still be scheduled, but they never run.
     *
     * @throws ReactorStoppedException if the reactor has stopped
     */
    @Override
    public DelayedCall callLater(Duration delay, Runnable task) {
        checkInLoop("callLater");
        if (state.get() == ReactorState.STOPPED) {
            throw new ReactorStoppedException("callLater after the reactor stopped");
        }
        return timers.schedule(delay, task);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Tasks submitted before the loop runs wait for it; tasks that arrive after it has stopped
     * never run (a {@link java.util.concurrent.Future} among them is cancelled), as in Twisted.
     */
    @Override
    public void callFromThread(Runnable task) {
        threadCalls.add(Objects.requireNonNull(task, "task"));
        if (state.get() == ReactorState.STOPPED) {
            // The loop's final discard may have run before our add: discard ourselves. (The loop sets
            // STOPPED before it discards, so one of the two sees every task.)
            threadCalls.discard();
        }
    }

    /**
     * Runs {@code task} on the loop and waits for its result: Twisted's
     * {@code threads.blockingCallFromThread}. For threads other than the loop's.
     *
     * @throws WrongThreadException on the loop's own thread (it would wait for itself)
     * @throws ReactorStoppedException if the reactor stopped before running it
     * @throws Exception whatever {@code task} threw
     */
    public <T> T blockingCallFromThread(Callable<T> task) throws Exception {
        if (inEventLoop()) {
            throw new WrongThreadException("blockingCallFromThread on the reactor's own thread would wait for itself");
        }
        var future = new FutureTask<>(task);
        callFromThread(future);
        try {
            return future.get();
        } catch (CancellationException e) {
            throw new ReactorStoppedException("the reactor stopped before running the call");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception x) {
                throw x;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>True on the owning thread (see Threading), and also in code holding this reactor
     * ({@link LoopOwnership}), such as an {@code InlineCallbacks} body of it while it runs: the loop
     * thread is parked under the body until it awaits or ends, so the body may call loop-only
     * methods such as {@link #callLater} and {@link #connectTCP} directly, as Part 17's generators do.
     */
    @Override
    public boolean inEventLoop() {
        return LoopOwnership.inEventLoop(this, loopThread);
    }

    // ---------------------------------------------------------------- raw descriptors (Part 4)

    /**
     * Calls {@code reader.doRead()} whenever its channel can be read (for a server channel: when a
     * connection can be accepted), until {@link #removeReader}. Puts the channel in non-blocking
     * mode and registers it on first use.
     *
     * @throws IllegalArgumentException if the channel is closed or cannot be read
     * @throws ReactorStoppedException if the reactor is stopping or stopped
     */
    public void addReader(ReadDescriptor reader) {
        checkInLoop("addReader");
        requireAlive("addReader");
        registry.addReader(reader);
    }

    /**
     * Calls {@code writer.doWrite()} whenever its channel can be written (for a socket whose connect
     * is pending: when the connect has finished), until {@link #removeWriter}.
     *
     * @throws IllegalArgumentException if the channel is closed or cannot be written
     * @throws ReactorStoppedException if the reactor is stopping or stopped
     */
    public void addWriter(WriteDescriptor writer) {
        checkInLoop("addWriter");
        requireAlive("addWriter");
        registry.addWriter(writer);
    }

    /** Stops calling {@code reader.doRead()}. Does nothing if it is not a reader. */
    public void removeReader(ReadDescriptor reader) {
        checkInLoop("removeReader");
        registry.interest(reader, true, false);
    }

    /** Stops calling {@code writer.doWrite()}. Does nothing if it is not a writer. */
    public void removeWriter(WriteDescriptor writer) {
        checkInLoop("removeWriter");
        registry.interest(writer, false, false);
    }

    /**
     * Removes every reader and writer (their channels stay open) and returns them: Twisted's
     * {@code removeAll}.
     */
    public List<Descriptor> removeAll() {
        checkInLoop("removeAll");
        return registry.removeAll();
    }

    /** The descriptors being read. */
    public List<ReadDescriptor> getReaders() {
        checkInLoop("getReaders");
        return registry.readers();
    }

    /** The descriptors being written. */
    public List<WriteDescriptor> getWriters() {
        checkInLoop("getWriters");
        return registry.writers();
    }

    // ---------------------------------------------------------------- what it holds (trial's dirty-reactor check)

    /**
     * The calls scheduled with {@link #callLater} that have neither run nor been cancelled, in the
     * order they will run (as {@link ManualEventLoop#pendingCalls()}). With
     * {@link #listeningPorts()}, {@link #connections()}, {@link #getReaders()} and
     * {@link #getWriters()}, what a test left behind: {@code slowpoetry-testing}'s
     * {@code ReactorExtension} fails such a test, as trial does.
     */
    public List<DelayedCall> pendingCalls() {
        checkInLoop("pendingCalls");
        return timers.pending();
    }

    /** The ports from {@link #listenTCP} that are still open. */
    public List<ListeningPort> listeningPorts() {
        checkInLoop("listeningPorts");
        return registry.owners(ListeningPort.class);
    }

    /** The TCP connections still open, accepted or made: their transports. */
    public List<Transport> connections() {
        checkInLoop("connections");
        return registry.owners(Transport.class);
    }

    // ---------------------------------------------------------------- TCP (Parts 5 and 11)

    /**
     * The listen backlog when none is given: 4,096, as Netty's default on Linux and the loom server
     * use. One loop thread both accepts and runs timers, so while it is busy (10,000 slow clients'
     * timers coming due) the kernel's accept queue is all that holds new connections; with 1,024,
     * {@code bench load}'s slow-throughput at 10,000 clients lost connections whose handshake the
     * kernel had completed but the reactor never accepted.
     */
    public static final int DEFAULT_BACKLOG = 4096;

    /** {@link #listenTCP(int, ProtocolFactory, String)} on every interface. */
    public ListeningPort listenTCP(int port, ProtocolFactory factory) throws CannotListenException {
        return listenTCP(port, factory, "");
    }

    /** {@link #listenTCP(int, ProtocolFactory, String, int)} with {@link #DEFAULT_BACKLOG}. */
    public ListeningPort listenTCP(int port, ProtocolFactory factory, String iface) throws CannotListenException {
        return listenTCP(port, factory, iface, DEFAULT_BACKLOG);
    }

    /**
     * Listens on {@code iface:port} and serves every connection with a protocol from
     * {@code factory}: Twisted's {@code listenTCP}. Binding happens now (so a port in use is
     * reported here); accepting starts when the loop runs.
     *
     * {@snippet :
     * ListeningPort port = reactor.listenTCP(0, address -> new PoetryProtocol(poem), "127.0.0.1");
     * System.out.println("Serving on port " + port.port() + ".");
     * }
     *
     * @param port    0 for any free port
     * @param iface   the address to bind, {@code ""} for every interface; a host name is resolved
     *                here, blocking: prefer literal addresses
     * @param backlog the length of the kernel's queue of connections not yet accepted
     * @throws CannotListenException naming the address and the reason (in use, no such interface)
     * @throws IllegalArgumentException if {@code port} is not 0–65535 or {@code backlog} is not positive
     * @throws ReactorStoppedException if the reactor is stopping or stopped
     */
    public ListeningPort listenTCP(int port, ProtocolFactory factory, String iface, int backlog)
            throws CannotListenException {
        return tcp.listen(port, factory, iface, backlog);
    }

    /** {@link #connectTCP(String, int, ClientFactory, Duration)} with {@link #DEFAULT_CONNECT_TIMEOUT}. */
    public Connector connectTCP(String host, int port, ClientFactory factory) {
        return connectTCP(host, port, factory, DEFAULT_CONNECT_TIMEOUT);
    }

    /**
     * Connects to {@code host:port} without blocking, and gives the connection a protocol from
     * {@code factory}: Twisted's {@code connectTCP}. The factory hears how it goes
     * ({@link ClientFactory}); nothing is reported by throwing, not even a refused connection,
     * and no callback runs before this returns except {@code startedConnecting}.
     *
     * {@snippet :
     * reactor.connectTCP("127.0.0.1", 10000, new PoetryClientFactory(), Duration.ofSeconds(5));
     * }
     *
     * @param host    a literal address, or a name (resolved off the loop, on a virtual thread)
     * @param timeout how long the connect may take, resolution included, before the factory gets
     *                {@code clientConnectionFailed} with a {@link java.net.SocketTimeoutException}
     * @throws IllegalArgumentException if {@code host} is blank, {@code port} not 1–65535 or
     *     {@code timeout} not positive
     * @throws ReactorStoppedException if the reactor is stopping or stopped
     */
    public Connector connectTCP(String host, int port, ClientFactory factory, Duration timeout) {
        return tcp.connect(host, port, factory, timeout);
    }

    // ---------------------------------------------------------------- for the TCP classes

    /** The channels registered with this reactor, for the TCP classes. */
    SelectorRegistry registry() {
        return registry;
    }

    /** The TCP behind listenTCP and connectTCP, for the factory counting of the TCP classes. */
    TcpFacade tcp() {
        return tcp;
    }

    /**
     * Runs {@code task} once the next select has returned: Java keeps the socket of a channel closed
     * while registered with a selector until the selector deregisters it, which the next select
     * does. Loop thread only.
     */
    void callAfterNextSelect(Runnable task) {
        assert inEventLoop();
        afterSelect.add(task);
    }

    /** Runs {@code event} after the current callback, in this iteration. Loop thread only. */
    void callSoon(Runnable event) {
        assert inEventLoop();
        soon.add(event);
    }

    /** Runs {@code task}, handing anything it throws to the uncaught-exception handler. The loop goes on. */
    void runSafely(Runnable task) {
        try {
            task.run();
        } catch (Throwable t) {
            try {
                uncaughtExceptionHandler.accept(t);
            } catch (Throwable handlerFailure) {
                logUncaught(t);
                LOG.error("The reactor's uncaught-exception handler failed too", handlerFailure);
            }
        }
    }

    /** The default uncaught-exception handler. */
    private static void logUncaught(Throwable t) {
        LOG.error("Unhandled error in a reactor callback; the loop goes on", t);
    }

    /** Throws {@link WrongThreadException} unless on the owning thread (see Threading). */
    void checkInLoop(String operation) {
        Thread owner = loopThread;
        if (!inEventLoop()) {
            throw new WrongThreadException("Reactor." + operation + " must be called on the reactor's thread '"
                    + owner.getName() + "', not on '" + Thread.currentThread().getName()
                    + "'; from other threads use callFromThread");
        }
    }

    /** Throws {@link ReactorStoppedException} if the reactor can no longer take new resources. */
    void requireAlive(String operation) {
        ReactorState now = state.get();
        if (now == ReactorState.STOPPING || now == ReactorState.STOPPED) {
            throw new ReactorStoppedException("cannot " + operation + ": the reactor is " + now);
        }
    }

    /** A {@link ReactorThread} hands the reactor to the thread that will run it. */
    void handOff(Thread runner) {
        checkInLoop("handOff");
        if (state.get() != ReactorState.NEW) {
            throw new IllegalStateException("only a new reactor can be handed to a thread; this one is " + state());
        }
        loopThread = runner;
        handedOff = true;
    }

    // ---------------------------------------------------------------- the loop

    private void iterate() throws IOException {
        long timeout = selectTimeoutMillis();
        boolean mayBlock = timeout != 0 && threadCalls.prepareToSleep();
        iteration = new LoopIterationEvent(); // off unless a recording enables it (serve --stats)
        boolean dispatched;
        try {
            // the iteration's timing begins when the wait ends: at the first I/O event it dispatches
            dispatched = registry.select(mayBlock ? timeout : 0, beginIteration);
        } finally {
            threadCalls.awake();
        }
        if (!dispatched) {
            iteration.begin();
        }
        if (Thread.interrupted()) {
            // An interrupt would make every select return at once, and close the next channel we
            // touch (ClosedByInterruptException). Stop the reactor with stop(), not interrupts.
            LOG.debug("the reactor thread was interrupted; interrupts do not stop a reactor, stop() does");
        }
        runAfterSelect();
        runSoon();
        threadCalls.runSome(MAX_THREAD_CALLS_PER_ITERATION, this::runSafely);
        runDueTimers();
        iteration.commit();
    }

    private void beginIteration() {
        iteration.begin();
    }

    /** -1: until woken; 0: do not block; otherwise milliseconds, rounded up. */
    private long selectTimeoutMillis() {
        if (!soon.isEmpty() || !afterSelect.isEmpty() || state.get() != ReactorState.RUNNING) {
            return 0;
        }
        ScheduledCall next = timers.peek();
        if (next == null) {
            return -1;
        }
        long wait = next.time - clock.nanoTime();
        if (wait <= 0) {
            return 0;
        }
        return wait / 1_000_000 + (wait % 1_000_000 == 0 ? 0 : 1); // early would only spin
    }

    /** Runs what waited for a select that has now run; what they queue waits for the next one. */
    private void runAfterSelect() {
        for (int n = afterSelect.size(); n > 0; n--) {
            runSafely(afterSelect.poll());
        }
    }

    private void runSoon() {
        for (Runnable event; (event = soon.poll()) != null; ) {
            runSafely(event);
        }
    }

    /**
     * Runs up to {@link #MAX_TIMERS_PER_ITERATION} of the calls due now that were scheduled before
     * this step; the rest are overdue, so the next select does not block and they run after it.
     */
    private void runDueTimers() {
        long now = clock.nanoTime();
        long mark = timers.sequenceMark();
        ScheduledCall due;
        for (int n = 0; n < MAX_TIMERS_PER_ITERATION && (due = timers.pollDue(now, mark)) != null; n++) {
            runSafely(due::run);
        }
    }

    private void shutDown() {
        assert state.get() == ReactorState.STOPPING;
        try {
            shutdownTriggers.forEach(this::runSafely);
            shutdownTriggers.clear();
            runSoon();
            registry.disconnectAll(new ConnectionLost(new ReactorStoppedException("the reactor stopped")));
            runSoon();
            timers.clear();
        } finally {
            registry.close(); // closes the selector: every channel deregistered, every fd released
            runAfterSelect();
            state.set(ReactorState.STOPPED);
            int dropped = threadCalls.discard();
            if (dropped > 0) {
                LOG.debug("{} callFromThread task(s) arrived too late to run", dropped);
            }
            terminated.countDown();
        }
    }

    private void stopIfRunning() {
        if (state.get() == ReactorState.RUNNING) {
            stop();
        }
    }

    private void awaitUninterruptibly() {
        boolean interrupted = false;
        while (true) {
            try {
                terminated.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "Reactor[" + kind + ", " + state() + "]";
    }
}
