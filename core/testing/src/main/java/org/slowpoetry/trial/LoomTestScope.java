package org.slowpoetry.trial;

import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What one Loom test owns: the virtual threads it forks and the sockets it opens. Given by
 * {@link LoomExtension} to a test's {@code @BeforeEach}, test and {@code @AfterEach} methods that
 * ask for it; after them the extension fails the test if a fork is still running, failed without
 * anyone joining it, or a socket is still open (naming each), and then closes them all. It is to a
 * test what a {@code StructuredTaskScope} is to a task: nothing it started outlives it.
 *
 * {@snippet :
 * @BeforeEach
 * void setUp(LoomTestScope scope) throws IOException {                    // trial's setUp
 *     listener = scope.own(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
 *     scope.fork("poetry-server", () -> serve(listener, POEM));
 * }
 *
 * @AfterEach
 * void tearDown() throws IOException {                                    // trial's tearDown
 *     listener.close();                                                    // the server's accept ends
 * }
 *
 * @Test
 * void theClientGetsThePoem(LoomTestScope scope) throws Exception {
 *     Fork<byte[]> poem = scope.fork("client", () -> BlockingFetch.fetch(address, settings, chunk -> { }));
 *     assertArrayEquals(POEM, poem.join());
 * }
 * }
 *
 * <p><b>Threading:</b> safe from any thread: the test's, and its forks' (a fork may fork).
 */
public final class LoomTestScope {

    /** A step to run after the test's methods ({@link #addCleanup}): a service's stop, say. */
    @FunctionalInterface
    public interface Cleanup {
        void run() throws Exception;
    }

    /** Where the scope is: taking forks and sockets while the test runs, closed after it. */
    private enum State {
        OPEN,
        CLOSED
    }

    private final String test;
    private final Duration timeout;
    private final List<Fork<?>> forks = new CopyOnWriteArrayList<>();
    private final List<OwnedSocket> sockets = new CopyOnWriteArrayList<>();
    /** In the order added; added under {@link #lock} by any thread, run by the test's thread after its methods. */
    private final List<Cleanup> cleanups = new CopyOnWriteArrayList<>();
    private final AtomicInteger forked = new AtomicInteger();
    /** Held while a fork or socket is added and while the scope closes, so none is added after. */
    private final Object lock = new Object();
    /** Written under {@link #lock} when the extension closes the scope; read by any thread. */
    private final AtomicReference<State> state = new AtomicReference<>(State.OPEN);

    LoomTestScope(String test, Duration timeout) {
        this.test = Objects.requireNonNull(test, "test");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** {@link #fork(String, Callable)} with the name {@code fork-1}, {@code fork-2}... */
    public <T> Fork<T> fork(Callable<? extends T> task) {
        return fork("fork-" + (forked.get() + 1), task);
    }

    /**
     * Runs {@code task} on a new virtual thread called {@code name}, owned by this scope.
     *
     * @throws IllegalStateException if the test is over (the scope is closed)
     */
    public <T> Fork<T> fork(String name, Callable<? extends T> task) {
        synchronized (lock) {
            requireOpen("fork " + name);
            forked.incrementAndGet();
            Fork<T> fork = new Fork<>(name, timeout, task);
            forks.add(fork);
            return fork;
        }
    }

    /**
     * Makes {@code socket} this scope's to check and close: a {@link java.net.Socket}, a
     * {@link java.net.ServerSocket} or a {@link java.nio.channels.NetworkChannel}. Close it
     * yourself; if it is still open after the test, the test fails and the scope closes it.
     *
     * @return {@code socket}, for {@code listener = scope.own(new ServerSocket(...))}
     * @throws IllegalArgumentException if it is none of those
     * @throws IllegalStateException if the test is over (the scope is closed)
     */
    public <C extends Closeable> C own(C socket) {
        OwnedSocket owned = OwnedSocket.of(socket);
        synchronized (lock) {
            requireOpen("own " + owned.describe());
            sockets.add(owned);
        }
        return socket;
    }

    /**
     * Runs {@code cleanup} after the test's {@code @AfterEach} methods, whether the test passed or
     * not, as trial's {@code addCleanup} does: last added first, each on a fork of this scope,
     * joined within the timeout; all run even if one fails, and the first failure fails the test,
     * the others suppressed in it. The checks come after them.
     *
     * {@snippet :
     * var top = new LoomMultiService("fastpoetry");
     * top.start();
     * scope.addCleanup(top::stop);
     * }
     *
     * @throws IllegalStateException if the test is over (the scope is closed)
     */
    public void addCleanup(Cleanup cleanup) {
        Objects.requireNonNull(cleanup, "cleanup");
        synchronized (lock) {
            requireOpen("add a cleanup");
            cleanups.add(cleanup);
        }
    }

    /**
     * Runs the cleanups, last added first, each on a fork joined within the timeout, and forgets
     * them. The test's thread, after its methods.
     *
     * @return the first failure (a cleanup's exception, or the join's {@code TimeoutException}),
     *     the others suppressed in it; null if every cleanup succeeded
     */
    Throwable cleanUp() throws InterruptedException {
        List<Cleanup> lastFirst = List.copyOf(cleanups).reversed();
        cleanups.clear();
        Throwable first = null;
        for (Cleanup cleanup : lastFirst) {
            try {
                fork("cleanup", () -> {
                    cleanup.run();
                    return null;
                }).join();
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception | AssertionError e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        return first;
    }

    /** How long {@link Fork#join()} waits. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * What the test left behind, one line each: forks still running and sockets still open, after
     * waiting up to {@code grace} for them to end and close (a server fork ends a moment after its
     * listener closes), then forks that failed with nobody joining them.
     */
    List<String> leftovers(Duration grace) {
        List<String> left = new ArrayList<>(Leaks.awaitNone(this::stillOpen, grace));
        for (Fork<?> fork : forks) {
            Throwable failure = fork.unseenFailure();
            if (failure != null) {
                left.add("fork '" + fork.name() + "' failed and nobody joined it: " + failure);
            }
        }
        return left;
    }

    /** The forks that failed with nobody joining them: their failures, for the report's causes. */
    List<Throwable> unseenFailures() {
        return forks.stream().map(Fork::unseenFailure).filter(Objects::nonNull).toList();
    }

    /**
     * Closes every owned socket and interrupts every fork still running, then waits up to
     * {@code atMost} for each to end. Idempotent.
     *
     * @return the forks that did not end, one line each
     */
    List<String> close(Duration atMost) throws InterruptedException {
        synchronized (lock) { // no fork or socket joins after this
            if (state.getAndSet(State.CLOSED) == State.CLOSED) {
                return List.of();
            }
        }
        sockets.forEach(OwnedSocket::close);
        forks.forEach(fork -> fork.thread().interrupt());
        long deadline = System.nanoTime() + atMost.toNanos();
        List<String> stuck = new ArrayList<>();
        for (Fork<?> fork : forks) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            if (!fork.thread().join(left)) {
                stuck.add("fork '" + fork.name() + "' did not end when interrupted: " + Threads.where(fork.thread()));
            }
        }
        return stuck;
    }

    private List<String> stillOpen() {
        List<String> open = new ArrayList<>();
        forks.stream().filter(fork -> fork.state() == Fork.State.RUNNING)
                .forEach(fork -> open.add("fork '" + fork.name() + "' still running: " + Threads.where(fork.thread())));
        sockets.stream().filter(OwnedSocket::isOpen).forEach(s -> open.add(s.describe() + " still open"));
        return open;
    }

    private void requireOpen(String what) {
        if (state.get() == State.CLOSED) {
            throw new IllegalStateException("cannot " + what + ": the scope of " + test + " is closed (the test is over)");
        }
    }

    @Override
    public String toString() {
        return "LoomTestScope[" + test + ", " + forks.size() + " forks, " + sockets.size() + " sockets, " + state.get() + "]";
    }
}
