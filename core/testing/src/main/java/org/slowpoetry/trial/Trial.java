package org.slowpoetry.trial;

import java.util.Objects;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.reactor.Reactor;

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
 * <p><b>Threading:</b> {@link #reactor()} from any thread; {@link #waitFor} on the reactor's
 * thread, while a test's method runs there, and it throws {@link WrongThreadException} elsewhere.
 */
public final class Trial {
    private final Reactor reactor;
    /** The method running on the loop, null between methods. Written and read on the loop thread. */
    private String running;
    /** What {@link #running} waits for, null if nothing (yet). Written and read on the loop thread. */
    private Deferred<?> waitingFor;

    Trial(Reactor reactor) {
        this.reactor = Objects.requireNonNull(reactor, "reactor");
    }

    /** This test's reactor, running on its own thread, closed by the extension after the test. */
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
        if (!reactor.inEventLoop()) {
            throw new WrongThreadException("Trial.waitFor is called on the reactor's thread, by the test's own"
                    + " methods, not on " + Thread.currentThread().getName());
        }
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
