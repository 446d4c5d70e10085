package org.slowpoetry.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.reactor.CannotListenException;
import org.slowpoetry.reactor.ConnectionClosed;
import org.slowpoetry.reactor.ListeningPort;
import org.slowpoetry.reactor.Protocol;
import org.slowpoetry.reactor.Reactor;

/**
 * What {@link ReactorExtension} does with a test: each rule proved by running a fixture that keeps
 * or breaks it. This class's own leak check proves that the extension cleans up after every
 * fixture, the failing ones included.
 */
@Timeout(60)
@ExtendWith(LeakCheck.class)
class ReactorExtensionTest {

    @Test
    void aTestThatClosesWhatItOpenedPassesAndEveryMethodRanOnTheReactorThread() {
        Fixtures.assertPasses(Clean.class);
        assertEquals(List.of("setUp", "test", "tearDown"), Clean.onLoop);
    }

    @Test
    void aSetUpDeferredIsWaitedForBeforeTheTestRuns() {
        Fixtures.assertPasses(SetUpWaitedFor.class);
    }

    @Test
    void aPendingCallLaterFailsTheTestNamingItsTaskAndWhenItIsDue() {
        var dirty = assertInstanceOf(DirtyReactorError.class, Fixtures.failureOf(PendingCall.class));

        assertEquals(1, dirty.leftovers().size(), dirty::getMessage);
        assertTrue(dirty.leftovers().getFirst()
                        .matches("pending call due in \\d+\\.\\d\\d s: DelayedCall\\[pending, .*task=forgotten task]"),
                dirty::getMessage);
    }

    @Test
    void aPortLeftListeningFailsTheTestNamingItsAddress() {
        var dirty = assertInstanceOf(DirtyReactorError.class, Fixtures.failureOf(PortLeftListening.class));

        assertEquals(List.of("listening port 127.0.0.1:" + PortLeftListening.port.get()), dirty.leftovers());
    }

    @Test
    void aConnectionLeftOpenFailsTheTestNamingEachEndsPeer() {
        var dirty = assertInstanceOf(DirtyReactorError.class, Fixtures.failureOf(ConnectionLeftOpen.class));

        int port = ConnectionLeftOpen.port.get();
        assertEquals(2, dirty.leftovers().size(), dirty::getMessage);
        assertTrue(dirty.leftovers().stream().allMatch(l -> l.startsWith("open connection to 127.0.0.1:")),
                dirty::getMessage);
        assertTrue(dirty.leftovers().contains("open connection to 127.0.0.1:" + port
                + " (from " + Addresses.text(ConnectionLeftOpen.clientEnd.get()) + ")"), dirty::getMessage);
    }

    @Test
    void aThreadLeftRunningFailsTheTestNamingIt() throws InterruptedException {
        try {
            Throwable leak = Fixtures.failureOf(ThreadLeftRunning.class);

            assertTrue(leak.getMessage().contains("'forgotten-thread'"), leak::getMessage);
        } finally {
            ThreadLeftRunning.release.countDown();
            ThreadLeftRunning.thread.get().join();
        }
    }

    @Test
    void aDeferredThatNeverFiresTimesOutNamingTheMethodAndTheDeferredAndIsCancelled() {
        var timedOut = assertInstanceOf(TimeoutException.class, Fixtures.failureOf(NeverFires.class));

        assertTrue(timedOut.getMessage().startsWith("test waitsForever(): the Deferred it waits for did not fire"
                + " within 200 ms: <Deferred@"), timedOut::getMessage);
        assertTrue(NeverFires.cancelled.get(), "the Deferred was cancelled");
    }

    @Test
    void aFailedDeferredFailsTheTestWithItsException() {
        Throwable failure = Fixtures.failureOf(FailedDeferred.class);

        assertInstanceOf(IOException.class, failure);
        assertEquals("no poem today", failure.getMessage());
    }

    @Test
    void aMethodThatBlocksTheLoopTimesOutWithTheLoopThreadsStack() {
        var stuck = assertInstanceOf(TimeoutException.class, Fixtures.failureOf(BlocksTheLoop.class));

        assertTrue(stuck.getMessage().startsWith("test blocks() did not return within 200 ms"), stuck::getMessage);
        assertTrue(Arrays.stream(stuck.getStackTrace()).anyMatch(f -> f.getMethodName().equals("blocks")),
                () -> Arrays.toString(stuck.getStackTrace()));
    }

    @Test
    void aMethodWaitsForOneDeferredOnly() {
        var twice = assertInstanceOf(IllegalStateException.class, Fixtures.failureOf(WaitsForTwo.class));

        assertTrue(twice.getMessage().contains("a method waits for one Deferred"), twice::getMessage);
    }

    @Test
    void cleanupsRunAfterTearDownLastFirstEachWaitedForBeforeTheDirtyReactorCheck() {
        Fixtures.assertPasses(Cleanups.class);
        assertEquals(List.of("tearDown", "second", "second's Deferred fired", "first"), Cleanups.order);
    }

    @Test
    void aFailedCleanupFailsTheTestAndTheCleanupsBeforeItStillRun() {
        var failed = assertInstanceOf(AssertionError.class, Fixtures.failureOf(FailingCleanup.class));

        assertEquals("a cleanup of test(Trial) failed: java.io.IOException: cannot stop", failed.getMessage());
        assertInstanceOf(IOException.class, failed.getCause());
        assertTrue(FailingCleanup.firstRan.get(), "the cleanup added first ran after the one that failed");
    }

    @Test
    void aSecondTestGetsAFreshReactor() {
        Fixtures.assertPasses(Clean.class);
        Fixtures.assertPasses(Clean.class);
        assertEquals(2, Clean.reactors.get(), "two runs, two reactors");
    }

    @Test
    void aParameterizedTestRunsOnTheReactorThreadToo() {
        Fixtures.assertPasses(Parameterized.class);
    }

    @Test
    void aTimeoutThatIsNotPositiveFailsTheTestAtOnceNamingIt() {
        var misused = assertInstanceOf(IllegalArgumentException.class, Fixtures.failureOf(ZeroTimeout.class));

        assertTrue(misused.getMessage().startsWith("the timeout of test() must be positive"), misused::getMessage);
    }

    @Test
    void aReactorIsGivenPerTestNotToABeforeAllMethod() {
        var refused = assertInstanceOf(ParameterResolutionException.class, Fixtures.classFailureOf(ReactorForAll.class));

        assertTrue(refused.getMessage().contains("one per test, not to"), refused::getMessage);
    }

    // ---------------------------------------------------------------- fixtures

    /** A protocol that hands its connection's end to a Deferred: a server's, or a client's. */
    private static final class Ends extends Protocol {
        final Deferred<Protocol> made = new Deferred<>();
        final Deferred<ConnectionClosed> lost = new Deferred<>();

        @Override
        protected void connectionMade() {
            made.callback(this);
        }

        @Override
        public void connectionLost(ConnectionClosed reason) {
            lost.callback(reason);
        }

        void close() {
            transport().loseConnection();
        }

        SocketAddress host() {
            return transport().getHost();
        }
    }

    @ReactorTest(timeout = 10)
    static class Clean {
        static final List<String> onLoop = new java.util.concurrent.CopyOnWriteArrayList<>();
        static final AtomicInteger reactors = new AtomicInteger();
        private final Ends server = new Ends();
        private final Ends client = new Ends();
        private ListeningPort port;

        @BeforeEach
        void setUp(Reactor reactor) throws CannotListenException {
            onLoop.clear();
            record("setUp", reactor);
            reactors.incrementAndGet();
            port = reactor.listenTCP(0, peer -> server, "127.0.0.1");
        }

        @Test
        void test(Reactor reactor, Trial trial) {
            record("test", reactor);
            reactor.connectTCP("127.0.0.1", port.port(), peer -> client);
            trial.waitFor(client.made.thenCompose(made -> {
                client.close();
                return Deferred.gatherResults(List.of(client.lost, server.lost), false);
            }));
        }

        @AfterEach
        void tearDown(Reactor reactor) {
            record("tearDown", reactor);
            port.stopListening();
        }

        private static void record(String method, Reactor reactor) {
            if (reactor.inEventLoop() && Thread.currentThread().getName().equals("trial-reactor")) {
                onLoop.add(method);
            }
        }
    }

    @ReactorTest(timeout = 10)
    static class Cleanups {
        static final List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Test
        void test(Reactor reactor, Trial trial) throws CannotListenException {
            order.clear();
            trial.addCleanup(() -> order.add("first"));
            trial.addCleanup(() -> {
                order.add("second");
                Deferred<Void> later = new Deferred<>();
                reactor.callLater(Duration.ofMillis(20), () -> {
                    order.add("second's Deferred fired");
                    later.callback(null);
                });
                return later;
            });
            ListeningPort port = reactor.listenTCP(0, peer -> new Protocol() { }, "127.0.0.1");
            // runs first; the dirty-reactor check would find the port if its Deferred were not waited for
            trial.addCleanup(port::stopListening);
        }

        @AfterEach
        void tearDown() {
            order.add("tearDown");
        }
    }

    @ReactorTest(timeout = 10)
    static class FailingCleanup {
        static final AtomicBoolean firstRan = new AtomicBoolean();

        @Test
        void test(Trial trial) {
            firstRan.set(false);
            trial.addCleanup(() -> firstRan.getAndSet(true));
            trial.addCleanup(() -> {
                throw new IOException("cannot stop");
            });
        }
    }

    @ReactorTest(timeout = 10)
    static class SetUpWaitedFor {
        private boolean ready; // written by setUp's callLater, read by the test: both on the reactor thread

        @BeforeEach
        void setUp(Reactor reactor, Trial trial) {
            Deferred<Void> later = new Deferred<>();
            reactor.callLater(Duration.ofMillis(20), () -> {
                ready = true;
                later.callback(null);
            });
            trial.waitFor(later);
        }

        @Test
        void test() {
            assertTrue(ready, "setUp's Deferred fired before the test");
        }
    }

    @ReactorTest(timeout = 10)
    static class PendingCall {
        @Test
        void test(Reactor reactor) {
            reactor.callLater(Duration.ofSeconds(30), new Runnable() {
                @Override
                public void run() {
                }

                @Override
                public String toString() {
                    return "forgotten task";
                }
            });
        }
    }

    @ReactorTest(timeout = 10)
    static class PortLeftListening {
        static final AtomicInteger port = new AtomicInteger();

        @Test
        void test(Reactor reactor) throws CannotListenException {
            port.set(reactor.listenTCP(0, peer -> new Protocol() { }, "127.0.0.1").port());
        }
    }

    @ReactorTest(timeout = 10)
    static class ConnectionLeftOpen {
        static final AtomicInteger port = new AtomicInteger();
        static final AtomicReference<SocketAddress> clientEnd = new AtomicReference<>();

        @Test
        void test(Reactor reactor, Trial trial) throws CannotListenException {
            Ends client = new Ends();
            ListeningPort listening = reactor.listenTCP(0, peer -> new Protocol() { }, "127.0.0.1");
            port.set(listening.port());
            reactor.connectTCP("127.0.0.1", listening.port(), peer -> client);
            trial.waitFor(client.made.thenApply(made -> {
                clientEnd.set(client.host());
                listening.stopListening(); // the port closes; both ends of the connection stay open
                return null;
            }));
        }
    }

    @ReactorTest(timeout = 10)
    static class ThreadLeftRunning {
        static final CountDownLatch release = new CountDownLatch(1);
        static final AtomicReference<Thread> thread = new AtomicReference<>();

        @Test
        void test() {
            thread.set(Thread.ofPlatform().name("forgotten-thread").start(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
    }

    @ReactorTest(timeout = 10)
    static class NeverFires {
        static final AtomicBoolean cancelled = new AtomicBoolean();

        @Test
        @ReactorTest(timeout = 200, unit = TimeUnit.MILLISECONDS)
        void waitsForever(Trial trial) {
            trial.waitFor(new Deferred<Void>(d -> cancelled.set(true)));
        }
    }

    @ReactorTest(timeout = 10)
    static class FailedDeferred {
        @Test
        void test(Trial trial) {
            trial.waitFor(Deferred.fail(new IOException("no poem today")));
        }
    }

    @ReactorTest(timeout = 200, unit = TimeUnit.MILLISECONDS)
    static class BlocksTheLoop {
        @Test
        void blocks() throws InterruptedException {
            new CountDownLatch(1).await(); // never do this on a reactor: the extension interrupts it
        }
    }

    @ReactorTest(timeout = 10)
    static class WaitsForTwo {
        @Test
        void test(Trial trial) {
            trial.waitFor(Deferred.succeed("one"));
            trial.waitFor(Deferred.succeed("two"));
        }
    }

    @ReactorTest(timeout = 10)
    static class Parameterized {
        @ParameterizedTest
        @ValueSource(strings = "a poem")
        void test(String poem, Reactor reactor, Trial trial) {
            assertTrue(reactor.inEventLoop(), "on the reactor's thread");
            trial.waitFor(Deferred.succeed(poem));
        }
    }

    @ReactorTest(timeout = 0)
    static class ZeroTimeout {
        @Test
        void test() {
        }
    }

    @ReactorTest(timeout = 10)
    static class ReactorForAll {
        @BeforeAll
        static void setUpClass(Reactor reactor) {
        }

        @Test
        void test() {
        }
    }
}
