package org.slowpoetry.trial;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.Failure;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.service.ServiceContext;
import org.slowpoetry.time.MonotonicClock;

/**
 * One test's run on its reactor, given by {@link ReactorExtension} to any {@code @BeforeEach},
 * {@code @Test} or {@code @AfterEach} method that asks for it: the reactor, and the Deferred the
 * running method hands back for the extension to wait for.
 *
 * <p>In trial a test method that does asynchronous work returns a Deferred, and trial waits until
 * it fires, failing the test if it fails or takes too long. A JUnit test method returns
 * {@code void} (JUnit does not run one that returns a value), so the method hands its Deferred to
 * {@link #waitFor} instead, where trial's test would {@code return d}:
 *
 * {@snippet :
 * @Test
 * void aRefusedConnectFails(Reactor reactor, Trial trial) {
 *     Deferred<byte[]> d = PoetryClient.getPoetry(reactor, closedPort, settings);
 *     trial.waitFor(TrialAssertions.assertFailure(d, FetchException.class));   // return d
 * }
 * }
 *
 * Sequential code reads better for several steps; an inline-callbacks body is a Deferred like any
 * other, and the method runs on the loop thread, where {@code InlineCallbacks.run} must be called:
 *
 * {@snippet :
 * @Test
 * void theProxyServesTheCachedPoemTwice(Reactor reactor, Trial trial) {
 *     trial.waitFor(InlineCallbacks.run(reactor, ic -> {
 *         assertArrayEquals(POEM, ic.await(getPoetry(reactor, proxy, settings)));
 *         assertArrayEquals(POEM, ic.await(getPoetry(reactor, proxy, settings)));
 *         return null;
 *     }));
 * }
 * }
 *
 * What a test starts, it can hand over to be stopped after it with {@link #addCleanup}, as trial's
 * {@code addCleanup} does: the extension runs the cleanups after the test's {@code @AfterEach}
 * methods, waits for the Deferred each returns, and only then checks the reactor is clean.
 *
 * {@snippet :
 * @Test
 * void theServiceServesThePoem(Reactor reactor, Trial trial) throws ServiceException {
 *     var tcp = new ReactorTcpServer("tcp", reactor, "127.0.0.1", 0, new PoetryServerFactory(POEM));
 *     tcp.start();
 *     trial.addCleanup(tcp::stop);                       // the stop's Deferred is waited for
 *     trial.waitFor(getPoetry(reactor, Address.of(tcp.address()), settings).thenApply(...));
 * }
 * }
 *
 * <p>A Trial is also the {@link ServiceContext} of the test: a plugin or an application file that
 * builds services from a context builds its reactor services on the test's reactor.
 *
 * <p><b>Threading:</b> {@link #reactor()} and {@link #clock()} from any thread; {@link #waitFor}
 * and {@link #addCleanup} on the reactor's thread, while a test's method runs there, and they
 * throw {@link WrongThreadException} elsewhere.
 */
public final class Trial implements ServiceContext {

    /** Where the test is: running its methods, or its cleanups (which may add none). */
    private enum Phase {
        METHODS,
        CLEANUPS
    }

    private final Reactor reactor;
    /** The cleanups, in the order they were added. Loop thread only. */
    private final List<Callable<?>> cleanups = new ArrayList<>();
    /** Loop thread only. */
    private Phase phase = Phase.METHODS;
    /** The method running on the loop, null between methods. Written and read on the loop thread. */
    private String running;
    /** What {@link #running} waits for, null if nothing (yet). Written and read on the loop thread. */
    private Deferred<?> waitingFor;

    Trial(Reactor reactor) {
        this.reactor = Objects.requireNonNull(reactor, "reactor");
    }

    /** This test's reactor, running on its own thread, closed by the extension after the test. */
    @Override
    public Reactor reactor() {
        return reactor;
    }

    /**
     * Makes the running method wait for {@code d}: the extension goes on (to the next method, or to
     * the checks after the test) once {@code d} has fired, fails the test with the exception
     * {@code d} failed with, and fails it with a {@link java.util.concurrent.TimeoutException} if
     * {@code d} has not fired within the timeout ({@link ReactorTest#timeout()}), cancelling it.
     * The extension adds the last callbacks: a failure it reports counts as handled.
     *
     * @throws WrongThreadException off the reactor's thread
     * @throws IllegalStateException if the running method has already handed over a Deferred (give
     *     one: {@code Deferred.gatherResults} or a {@code DeferredList} waits for several), or if no
     *     method is running (a callback that fires after its method returned)
     */
    public void waitFor(Deferred<?> d) {
        Objects.requireNonNull(d, "d");
        requireLoop("waitFor");
        if (running == null) {
            throw new IllegalStateException("Trial.waitFor is for the method that is running, and no method is;"
                    + " hand the Deferred over before the method returns");
        }
        if (waitingFor != null) {
            throw new IllegalStateException(running + " already waits for " + waitingFor
                    + "; a method waits for one Deferred: combine several with Deferred.gatherResults");
        }
        waitingFor = d;
    }

    /**
     * trial's {@code addCleanup}: {@code cleanup} runs after the test's {@code @AfterEach} methods,
     * on the reactor's thread, whether the test passed or not. Cleanups run last added first, each
     * once the Deferred the one before returned has fired (a cleanup that returns a Deferred, such
     * as a service's {@code stop}, is waited for; one that returns anything else is done); all run
     * even if one fails, and the first failure fails the test, the others suppressed in it. The
     * test's timeout bounds them all together. The dirty-reactor check comes after them.
     *
     * @throws WrongThreadException off the reactor's thread
     * @throws IllegalStateException if the cleanups are running (a cleanup adds none)
     */
    public void addCleanup(Callable<?> cleanup) {
        Objects.requireNonNull(cleanup, "cleanup");
        requireLoop("addCleanup");
        if (phase == Phase.CLEANUPS) {
            throw new IllegalStateException("the cleanups are running: add cleanups from the test's methods");
        }
        cleanups.add(cleanup);
    }

    /** The clock of this test's reactor. */
    @Override
    public MonotonicClock clock() {
        return reactor.clock();
    }

    /**
     * Runs the cleanups, last first, each after the one before has fired: a Deferred that fires
     * once all have, failed with the first failure. Loop thread, once, after the test's methods.
     */
    Deferred<?> cleanUp() {
        assert reactor.inEventLoop();
        phase = Phase.CLEANUPS;
        return runFrom(List.copyOf(cleanups).reversed().iterator(), null);
    }

    private static Deferred<?> runFrom(Iterator<Callable<?>> rest, Throwable failedSoFar) {
        if (!rest.hasNext()) {
            return failedSoFar == null ? Deferred.succeed(null) : Deferred.fail(failedSoFar);
        }
        return Deferred.maybeDeferred(rest.next()).addBoth(outcome -> {
            Throwable failed = failedSoFar;
            if (outcome instanceof Failure failure) {
                if (failed == null) {
                    failed = failure.value();
                } else {
                    failed.addSuppressed(failure.value());
                }
            }
            return runFrom(rest, failed);
        });
    }

    private void requireLoop(String method) {
        if (!reactor.inEventLoop()) {
            throw new WrongThreadException("Trial." + method + " is called on the reactor's thread, by the test's"
                    + " own methods, not on " + Thread.currentThread().getName());
        }
    }

    /** The extension is about to run {@code method} on the loop. Loop thread. */
    void begin(String method) {
        assert reactor.inEventLoop();
        running = method;
        waitingFor = null;
    }

    /** The method has returned: what it waits for, or null. Loop thread. */
    Deferred<?> end() {
        assert reactor.inEventLoop();
        Deferred<?> d = waitingFor;
        running = null;
        waitingFor = null;
        return d;
    }

    @Override
    public String toString() {
        return "Trial[" + reactor + "]";
    }
}
