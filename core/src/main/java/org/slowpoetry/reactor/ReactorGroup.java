package org.slowpoetry.reactor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slowpoetry.net.AcceptBackoff;
import org.slowpoetry.net.AcceptWarnings;
import org.slowpoetry.time.MonotonicClock;

/**
 * N reactors serving one listening port: a reactor per core. Each loop is a {@link Reactor} on its
 * own {@link java.nio.channels.Selector} and its own {@link ReactorThread}, and serves its share of
 * the connections from start to end; how the share is decided is the {@link AcceptModel}. With one
 * loop it is exactly the text's single reactor.
 *
 * {@snippet :
 * try (ReactorGroup group = ReactorGroup.open(4, SelectorKind.EPOLL, MonotonicClock.system())) {
 *     // a factory per loop: factories are reactor-thread only
 *     InetSocketAddress bound = group.listenTCP(0, reactor -> new PoetryFactory(reactor, config),
 *             "127.0.0.1", AcceptModel.configured());
 *     group.start("poetry-reactor");
 *     fetch(bound);
 * } // stops every loop, which closes every port and connection, and joins every thread
 * }
 *
 * <p>The loops live and die together: a loop that stops (or whose selector fails) stops the
 * others, so a server is never left half-served.
 *
 * <p><b>Threading:</b> the thread that {@linkplain #open opened} the group configures it
 * ({@link #listenTCP}, then {@link #start}), as it would a {@link Reactor} (each reactor's own
 * checks throw {@link WrongThreadException} elsewhere); from {@link #start} on, the loops own their
 * reactors. {@link #close()}, {@link #awaitTermination()}, {@link #size()} and {@link #reactors()}
 * are safe from any thread, except that {@link #close()} throws {@link WrongThreadException} on one
 * of the group's own loops (it would wait for itself).
 */
public final class ReactorGroup implements AutoCloseable {

    /* Implementation overview
     *
     * listenTCP builds, per loop, an Adopter (that loop's reactor and factory). HANDOFF: loop 0 gets
     * the one TcpPort, whose AcceptDispatch is a HandoffDispatch over every Adopter; the other loops
     * only have their factory started (and stopped again by a shutdown trigger). REUSEPORT: every
     * loop gets its own TcpPort with SO_REUSEPORT, loop 0 binding first so that port 0 becomes a
     * real port the others then bind. start() adds to each reactor a shutdown trigger that stops the
     * others, then starts a ReactorThread per loop.
     */

    private enum State {
        /** Opened; being configured by its opener. */
        NEW,
        /** The loops run. */
        STARTED,
        /** Closed: every loop stopped and joined (or torn down unrun). */
        CLOSED
    }

    private final List<Reactor> reactors;
    /** Written by start (opener) and close (any thread); read anywhere. */
    private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
    /** The loops' threads: written once by start (opener thread), before STARTED is published; read after it. */
    private volatile List<ReactorThread> threads = List.of();

    private ReactorGroup(List<Reactor> reactors) {
        this.reactors = List.copyOf(reactors);
    }

    /**
     * Opens {@code loops} reactors on {@code kind}'s selector, their timers on {@code clock}.
     *
     * @throws IllegalArgumentException if {@code loops} is below 1
     * @throws IOException if a selector cannot be opened (those opened are closed again)
     */
    public static ReactorGroup open(int loops, SelectorKind kind, MonotonicClock clock) throws IOException {
        if (loops < 1) {
            throw new IllegalArgumentException("a reactor group needs at least 1 loop: " + loops);
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(clock, "clock");
        var opened = new ArrayList<Reactor>();
        try {
            for (int i = 0; i < loops; i++) {
                opened.add(Reactor.open(kind, clock));
            }
        } catch (IOException | RuntimeException e) {
            opened.forEach(Reactor::close);
            throw e;
        }
        return new ReactorGroup(opened);
    }

    /** How many loops. */
    public int size() {
        return reactors.size();
    }

    /** The loops' reactors, loop 0 first. Use each from its own thread (or {@code callFromThread}). */
    public List<Reactor> reactors() {
        return reactors;
    }

    /**
     * Listens on {@code iface:port} with every loop serving a share of the connections, each with
     * the factory {@code factories} makes for its reactor (one per loop, asked once per loop, on the
     * opener thread). Binding happens now, with {@link Reactor#DEFAULT_BACKLOG}.
     *
     * @param port  0 for any free port (every loop then serves the one port bound)
     * @param iface as {@link Reactor#listenTCP(int, ProtocolFactory, String)}
     * @return the bound address
     * @throws CannotListenException naming the address and the reason (the ports bound so far are
     *                               closed when the group is closed)
     * @throws IllegalStateException once the group has started
     */
    public InetSocketAddress listenTCP(int port, Function<? super Reactor, ? extends ProtocolFactory> factories,
            String iface, AcceptModel model) throws CannotListenException {
        Objects.requireNonNull(factories, "factories");
        Objects.requireNonNull(model, "model");
        if (state.get() != State.NEW) {
            throw new IllegalStateException("listenTCP after the group has started: configure it first");
        }
        var adopters = new ArrayList<Adopter>();
        for (Reactor reactor : reactors) {
            adopters.add(new Adopter(reactor, Objects.requireNonNull(factories.apply(reactor), "factory")));
        }
        Reactor first = reactors.getFirst();
        // one server, one warning a minute about failed accepts, whichever loops fail
        var warnings = new AcceptWarnings(first.clock(), AcceptBackoff.WARN_EVERY);
        return switch (model) {
            case HANDOFF -> {
                AcceptDispatch dispatch = reactors.size() == 1 ? null : new HandoffDispatch(adopters);
                var bound = first.tcp().listen(port, adopters.getFirst().factory(), iface, Reactor.DEFAULT_BACKLOG,
                        false, dispatch, warnings).address();
                for (Adopter worker : adopters.subList(1, adopters.size())) {
                    TcpFacade tcp = worker.reactor().tcp();
                    tcp.startFactory(worker.factory());
                    worker.reactor().addShutdownTrigger(() -> tcp.stopFactory(worker.factory()));
                }
                yield bound;
            }
            case REUSEPORT -> {
                boolean shared = reactors.size() > 1;
                if (shared && port != 0) {
                    refuseIfTaken(port, iface);
                }
                var bound = first.tcp().listen(port, adopters.getFirst().factory(), iface, Reactor.DEFAULT_BACKLOG,
                        shared, null, warnings).address();
                for (Adopter loop : adopters.subList(1, adopters.size())) {
                    loop.reactor().tcp().listen(bound.getPort(), loop.factory(), iface, Reactor.DEFAULT_BACKLOG,
                            true, null, warnings);
                }
                yield bound;
            }
        };
    }

    /**
     * Throws if {@code iface:port} is taken, by binding it once without {@code SO_REUSEPORT}: a
     * server that listens with {@code SO_REUSEPORT} would otherwise share a port that another such
     * server (of the same user) holds, where the text's server reports it in use. A port taken
     * between this check and the bind is still shared ({@link AcceptModel#HANDOFF} binds once).
     */
    private static void refuseIfTaken(int port, String iface) throws CannotListenException {
        var bindTo = iface.isBlank() ? new InetSocketAddress(port) : new InetSocketAddress(iface, port);
        if (bindTo.isUnresolved()) {
            return; // the listen reports it
        }
        try (var probe = ServerSocketChannel.open()) {
            probe.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            probe.bind(bindTo);
        } catch (IOException e) {
            throw new CannotListenException("cannot listen on " + TcpPort.describe(bindTo) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts a thread per loop, called {@code name-0}, {@code name-1}, ... (just {@code name} for
     * one loop). From then on the loops own their reactors.
     *
     * @throws IllegalStateException if started or closed before
     * @throws WrongThreadException unless called by the opener
     */
    public void start(String name) {
        Objects.requireNonNull(name, "name");
        for (Reactor reactor : reactors) {
            reactor.checkInLoop("ReactorGroup.start");
        }
        if (state.get() != State.NEW) {
            throw new IllegalStateException("a reactor group starts once, and this one is " + state.get());
        }
        for (Reactor reactor : reactors) {
            for (Reactor other : reactors) {
                if (other != reactor) {
                    reactor.addShutdownTrigger(() -> other.callFromThread(() -> stopIfRunning(other)));
                }
            }
        }
        var started = new ArrayList<ReactorThread>();
        for (int i = 0; i < reactors.size(); i++) {
            started.add(ReactorThread.start(reactors.get(i), reactors.size() == 1 ? name : name + "-" + i));
        }
        threads = List.copyOf(started);
        if (!state.compareAndSet(State.NEW, State.STARTED)) {
            started.forEach(ReactorThread::close); // closed meanwhile by another thread
        }
    }

    private static void stopIfRunning(Reactor reactor) {
        if (reactor.state() == ReactorState.RUNNING) {
            reactor.stop();
        }
    }

    /** Blocks until every loop has stopped and its thread has ended. */
    public void awaitTermination() throws InterruptedException {
        for (Reactor reactor : reactors) {
            reactor.awaitTermination();
        }
        for (ReactorThread thread : threads) {
            thread.join();
        }
    }

    /**
     * Stops every loop (each tears down its ports and connections) and joins every thread; a
     * group never started is torn down on its opener's thread. Idempotent.
     *
     * @throws WrongThreadException on one of the group's loops, or, before start, off the opener
     */
    @Override
    public void close() {
        for (ReactorThread thread : threads) {
            if (thread.reactor().inEventLoop()) {
                throw new WrongThreadException("a loop of a reactor group cannot close (and wait for) its group;"
                        + " call reactor.stop(): the other loops stop with it");
            }
        }
        State was = state.getAndSet(State.CLOSED);
        switch (was) {
            case NEW -> reactors.forEach(Reactor::close);
            case STARTED -> threads.forEach(ReactorThread::close);
            case CLOSED -> {
                // closed before; wait as the first close did
                threads.forEach(ReactorThread::close);
            }
        }
    }

    @Override
    public String toString() {
        return "ReactorGroup[" + reactors.size() + " loops, " + state.get() + "]";
    }
}
