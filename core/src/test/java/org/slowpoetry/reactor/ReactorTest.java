package org.slowpoetry.reactor;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.slowpoetry.time.ManualClock;

/** The reactor's life and threading rules (Part 3), on a real selector. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ReactorTest {

    @Test
    void callWhenRunningTasksRunInOrderOnceTheLoopRuns() throws IOException {
        var log = new ArrayList<String>();
        try (Reactor reactor = Reactor.open()) {
            reactor.callWhenRunning(() -> log.add("Hello from the reactor loop!"));
            reactor.callWhenRunning(() -> log.add("Lately I feel like I'm stuck in a rut."));
            reactor.callWhenRunning(reactor::stop);
            log.add("Starting the reactor.");
            reactor.run();
            log.add("Stopped.");
            assertEquals(ReactorState.STOPPED, reactor.state());
        }
        assertEquals(List.of("Starting the reactor.", "Hello from the reactor loop!",
                "Lately I feel like I'm stuck in a rut.", "Stopped."), log);
    }

    @Test
    void countdownStopsTheReactorFromATimer() throws IOException {
        // Part 3's countdown.py, with milliseconds for seconds.
        var log = new ArrayList<String>();
        try (Reactor reactor = Reactor.open()) {
            var counter = new int[] {5};
            Runnable[] count = new Runnable[1];
            count[0] = () -> {
                if (counter[0] == 0) {
                    reactor.stop();
                } else {
                    log.add(counter[0]-- + " ...");
                    reactor.callLater(Duration.ofMillis(1), count[0]);
                }
            };
            reactor.callWhenRunning(count[0]);
            log.add("Start!");
            reactor.run();
            log.add("Stop!");
        }
        assertEquals(List.of("Start!", "5 ...", "4 ...", "3 ...", "2 ...", "1 ...", "Stop!"), log);
    }

    @Test
    void aCallbackThatThrowsIsLoggedAndTheNextOneStillRuns() throws IOException {
        // Part 3's exception.py: "I fall down. But I get up again."
        var log = new ArrayList<String>();
        try (Reactor reactor = Reactor.open()) {
            reactor.callWhenRunning(() -> {
                throw new IllegalStateException("I fall down.");
            });
            reactor.callWhenRunning(() -> {
                log.add("But I get up again.");
                reactor.callLater(Duration.ZERO, () -> {
                    throw new IllegalStateException("and again");
                });
                reactor.callLater(Duration.ofMillis(1), reactor::stop);
            });
            reactor.run();
        }
        assertEquals(List.of("But I get up again."), log);
    }

    @Test
    void anInjectedHandlerGetsWhatEachKindOfCallbackThrowsAndTheLoopGoesOn() throws IOException {
        var seen = new ArrayList<String>();
        try (Reactor reactor = Reactor.open()) {
            reactor.setUncaughtExceptionHandler(e -> seen.add(e.getMessage()));
            reactor.callWhenRunning(() -> {
                throw new IllegalStateException("I fall down.");
            });
            reactor.callWhenRunning(() -> {
                reactor.callLater(Duration.ZERO, () -> {
                    throw new IllegalArgumentException("from a timer");
                });
                reactor.callFromThread(() -> {
                    throw new AssertionError("from callFromThread");
                });
                reactor.callLater(Duration.ofMillis(1), () -> {
                    seen.add("But I get up again.");
                    reactor.stop();
                });
            });
            reactor.addShutdownTrigger(() -> {
                throw new IllegalStateException("from a shutdown trigger");
            });
            reactor.run();
        }
        assertEquals(List.of("I fall down.", "from callFromThread", "from a timer", "But I get up again.",
                "from a shutdown trigger"), seen);
    }

    @Test
    void aHandlerThatThrowsDoesNotStopTheLoop() throws IOException {
        var log = new ArrayList<String>();
        try (Reactor reactor = Reactor.open()) {
            reactor.setUncaughtExceptionHandler(e -> {
                log.add("handler saw " + e.getMessage());
                throw new IllegalStateException("the handler falls down too");
            });
            reactor.callWhenRunning(() -> {
                throw new IllegalStateException("I fall down.");
            });
            reactor.callWhenRunning(() -> {
                log.add("But I get up again.");
                reactor.stop();
            });
            reactor.run();
        }
        assertEquals(List.of("handler saw I fall down.", "But I get up again."), log);
    }

    @Test
    void timersOnARealSelectorRunInTimeThenSchedulingOrder() throws Exception {
        // The clock is frozen while scheduling, so "30 ms" really is later than "20 ms" scheduled after
        // it (on a busy machine a real clock can move 10 ms between two lines).
        var clock = new ManualClock();
        var log = new CopyOnWriteArrayList<Integer>();
        try (Reactor reactor = Reactor.open(SelectorKind.EPOLL, clock);
             var loop = ReactorThread.start(reactor, "t-reactor")) {
            loop.call(() -> {
                reactor.callLater(Duration.ofMillis(30), () -> log.add(3));
                reactor.callLater(Duration.ofMillis(10), () -> log.add(1));
                reactor.callLater(Duration.ofMillis(20), () -> log.add(2));
                for (int i = 4; i < 10; i++) {
                    int n = i;
                    reactor.callLater(Duration.ofMillis(40), () -> log.add(n));
                }
                return null;
            });
            clock.advance(Duration.ofMillis(50));
            reactor.callFromThread(() -> { }); // wake the loop to read the clock
            await().until(() -> log.size() == 9);
        }
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), log);
    }

    @Test
    void aZeroDelayTimerScheduledByATimerWaitsForTheNextIteration() throws Exception {
        // Otherwise a callLater(0) loop would starve I/O: here the loop must still see the thread call.
        try (Reactor reactor = Reactor.open(); var loop = ReactorThread.start(reactor, "t-reactor")) {
            var spins = new AtomicInteger();
            Runnable[] spin = new Runnable[1];
            spin[0] = () -> {
                spins.incrementAndGet();
                reactor.callLater(Duration.ZERO, spin[0]);
            };
            loop.execute(() -> reactor.callLater(Duration.ZERO, spin[0]));
            await().until(() -> spins.get() > 100);
            assertEquals("still responsive", loop.call(() -> "still responsive"));
        }
    }

    @Test
    void aReactorRunsOnlyOnce() throws IOException {
        try (Reactor reactor = Reactor.open()) {
            reactor.callWhenRunning(reactor::stop);
            reactor.run();
            var e = assertThrows(IllegalStateException.class, reactor::run);
            assertTrue(e.getMessage().contains("only once"), e.getMessage());
        }
    }

    @Test
    void aClosedReactorCannotRun() throws IOException {
        Reactor reactor = Reactor.open();
        reactor.close();
        assertThrows(IllegalStateException.class, reactor::run);
        assertEquals(ReactorState.STOPPED, reactor.state());
    }

    @Test
    void stoppingAReactorThatIsNotRunningThrows() throws IOException {
        try (Reactor reactor = Reactor.open()) {
            assertThrows(IllegalStateException.class, reactor::stop);
            var second = new AtomicReference<Throwable>();
            reactor.callWhenRunning(() -> {
                reactor.stop();
                try {
                    reactor.stop();
                } catch (IllegalStateException e) {
                    second.set(e);
                }
            });
            reactor.run();
            assertInstanceOf(IllegalStateException.class, second.get());
        }
    }

    @Test
    void stopFromAnotherThreadWithCallFromThread() throws Exception {
        try (Reactor reactor = Reactor.open()) {
            var loop = ReactorThread.start(reactor, "t-reactor");
            assertTrue(loop.call(() -> reactor.state() == ReactorState.RUNNING));
            reactor.callFromThread(reactor::stop);
            loop.join();
            assertEquals(ReactorState.STOPPED, reactor.state());
        }
    }

    @Test
    void loopOnlyMethodsThrowWrongThreadOffTheLoop() throws Exception {
        try (Reactor reactor = Reactor.open(); var loop = ReactorThread.start(reactor, "t-reactor")) {
            DelayedCall call = loop.call(() -> reactor.callLater(Duration.ofHours(1), () -> { }));
            List<Executable> offLoop = List.of(
                    reactor::stop,
                    () -> reactor.callLater(Duration.ZERO, () -> { }),
                    () -> reactor.callWhenRunning(() -> { }),
                    () -> reactor.addShutdownTrigger(() -> { }),
                    () -> reactor.setUncaughtExceptionHandler(e -> { }),
                    () -> reactor.listenTCP(0, a -> new Protocol() { }),
                    () -> reactor.connectTCP("127.0.0.1", 9, a -> new Protocol() { }),
                    () -> reactor.addReader(null),
                    reactor::removeAll,
                    reactor::getReaders,
                    call::cancel,
                    call::active,
                    () -> new LoopingCall(reactor, () -> { }).start(Duration.ofSeconds(1), true));
            for (Executable e : offLoop) {
                assertThrows(WrongThreadException.class, e::execute);
            }
            assertTrue(loop.call(call::active), "nothing was changed");
            assertEquals(ReactorState.RUNNING, reactor.state());
        }
    }

    @Test
    void blockingWaitsOnTheLoopThreadThrowInsteadOfDeadlocking() throws Exception {
        try (Reactor reactor = Reactor.open(); var loop = ReactorThread.start(reactor, "t-reactor")) {
            var thrown = new CopyOnWriteArrayList<Throwable>();
            loop.call(() -> {
                for (Executable e : List.<Executable>of(
                        () -> reactor.blockingCallFromThread(() -> 1),
                        reactor::close,
                        reactor::awaitTermination,
                        loop::close)) {
                    try {
                        e.execute();
                    } catch (Throwable t) {
                        thrown.add(t);
                    }
                }
                return null;
            });
            assertEquals(4, thrown.size());
            thrown.forEach(t -> assertInstanceOf(WrongThreadException.class, t));
        }
    }

    @Test
    void callFromThreadWakesAnIdleLoopAndKeepsEachThreadsOrder() throws Exception {
        try (Reactor reactor = Reactor.open(); var loop = ReactorThread.start(reactor, "t-reactor")) {
            int threads = 4;
            int perThread = 5_000;
            var seen = new ConcurrentHashMap<Integer, List<Integer>>();
            var ranOnLoop = new AtomicInteger();
            var start = new CountDownLatch(1);
            var producers = new ArrayList<Thread>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                seen.put(id, Collections.synchronizedList(new ArrayList<>()));
                producers.add(Thread.ofPlatform().start(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < perThread; i++) {
                        int n = i;
                        reactor.callFromThread(() -> {
                            if (reactor.inEventLoop()) {
                                ranOnLoop.incrementAndGet();
                            }
                            seen.get(id).add(n);
                        });
                    }
                }));
            }
            start.countDown();
            for (Thread p : producers) {
                p.join();
            }
            await().until(() -> ranOnLoop.get() == threads * perThread);
            for (List<Integer> got : seen.values()) {
                for (int i = 0; i < perThread; i++) {
                    assertEquals(i, got.get(i));
                }
            }
        }
    }

    @Test
    void blockingCallFromThreadReturnsTheResultOrRethrows() throws Exception {
        try (Reactor reactor = Reactor.open(); var loop = ReactorThread.start(reactor, "t-reactor")) {
            assertEquals("t-reactor", loop.call(() -> Thread.currentThread().getName()));
            var boom = new IOException("boom");
            var thrown = assertThrows(IOException.class, () -> loop.call(() -> {
                throw boom;
            }));
            assertSame(boom, thrown);
        }
    }

    @Test
    void tasksArrivingAfterTheReactorStoppedNeverRun() throws Exception {
        Reactor reactor = Reactor.open();
        var loop = ReactorThread.start(reactor, "t-reactor");
        loop.close();
        var ran = new AtomicInteger();
        reactor.callFromThread(ran::incrementAndGet);
        assertThrows(ReactorStoppedException.class, () -> reactor.blockingCallFromThread(ran::incrementAndGet));
        assertEquals(0, ran.get());
    }

    @Test
    void callLaterAfterStopThrowsReactorStopped() throws IOException {
        try (Reactor reactor = Reactor.open()) {
            reactor.callWhenRunning(reactor::stop);
            reactor.run();
            assertThrows(ReactorStoppedException.class, () -> reactor.callLater(Duration.ZERO, () -> { }));
            assertThrows(ReactorStoppedException.class, () -> reactor.callWhenRunning(() -> { }));
            assertThrows(ReactorStoppedException.class, () -> reactor.listenTCP(0, a -> null));
        }
    }

    @Test
    void closeFromAnotherThreadStopsTheReactorAndWaitsForTheTeardown() throws Exception {
        Reactor reactor = Reactor.open();
        var loop = ReactorThread.start(reactor, "t-reactor");
        var triggerRan = new AtomicInteger();
        loop.call(() -> {
            reactor.addShutdownTrigger(triggerRan::incrementAndGet);
            return null;
        });
        reactor.close();
        assertEquals(ReactorState.STOPPED, reactor.state());
        assertEquals(1, triggerRan.get());
        loop.close(); // idempotent
        assertFalse(loop.thread().isAlive());
    }

    @Test
    void closingANeverRunReactorReleasesWhatItRegistered() throws IOException {
        Reactor reactor = Reactor.open();
        ListeningPort port = reactor.listenTCP(0, a -> new Protocol() { }, "127.0.0.1");
        reactor.close();
        assertThrows(ConnectException.class, () -> {
            try (var ignored = SocketChannel.open(new InetSocketAddress("127.0.0.1", port.port()))) {
                // connected: the port leaked
            }
        });
    }

    @Test
    void stoppingRunsShutdownTriggersThenLosesEveryConnection() throws Exception {
        var events = new CopyOnWriteArrayList<String>();
        Reactor reactor = Reactor.open();
        ListeningPort port = reactor.listenTCP(0, a -> new Protocol() {
            @Override
            public void connectionLost(ConnectionClosed reason) {
                events.add("server lost: " + (reason instanceof ConnectionLost(var c) ? c.getClass().getSimpleName() : reason));
            }
        }, "127.0.0.1");
        reactor.addShutdownTrigger(() -> events.add("trigger"));
        var connected = new CountDownLatch(1);
        reactor.connectTCP("127.0.0.1", port.port(), a -> new Protocol() {
            @Override
            protected void connectionMade() {
                connected.countDown();
            }

            @Override
            public void connectionLost(ConnectionClosed reason) {
                events.add("client lost: " + (reason instanceof ConnectionLost(var c) ? c.getClass().getSimpleName() : reason));
            }
        });
        var loop = ReactorThread.start(reactor, "t-reactor");
        connected.await();
        await().until(() -> loop.call(() -> reactor.getReaders().size()) == 3); // port, both ends
        loop.close();
        assertEquals("trigger", events.getFirst());
        assertEquals(List.of("client lost: ReactorStoppedException", "server lost: ReactorStoppedException", "trigger"),
                events.stream().sorted().toList());
    }

    @Test
    void timersRunOnTheInjectedClock() throws Exception {
        var clock = new ManualClock();
        try (Reactor reactor = Reactor.open(SelectorKind.EPOLL, clock);
             var loop = ReactorThread.start(reactor, "t-reactor")) {
            var fired = new AtomicInteger();
            loop.call(() -> reactor.callLater(Duration.ofHours(1), fired::incrementAndGet));
            assertEquals(0, loop.call(fired::get), "an hour has not passed on the reactor's clock");
            clock.advance(Duration.ofHours(1));
            reactor.callFromThread(() -> { }); // wake the loop to look at the clock again
            await().until(() -> fired.get() == 1);
        }
    }

    @Test
    void anInterruptDoesNotStopTheReactor() throws Exception {
        try (Reactor reactor = Reactor.open(); var loop = ReactorThread.start(reactor, "t-reactor")) {
            loop.thread().interrupt();
            await().until(() -> !loop.call(() -> Thread.currentThread().isInterrupted()));
            assertEquals(ReactorState.RUNNING, reactor.state());
        }
    }

    @Test
    void openingAnUnavailableSelectorSaysWhy() {
        var e = assertThrows(IllegalArgumentException.class, () -> SelectorKind.fromName("kqueue"));
        assertEquals("unknown selector 'kqueue'; choose one of: epoll, poll", e.getMessage());
    }
}
