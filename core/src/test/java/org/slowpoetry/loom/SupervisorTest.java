package org.slowpoetry.loom;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slowpoetry.time.ManualClock;

@Timeout(value = 15, unit = TimeUnit.SECONDS)
class SupervisorTest {

    /** What the test tells a worker to do. */
    enum Command {
        CRASH, FINISH
    }

    /** How many times each child id has been started. */
    private final Map<String, AtomicInteger> starts = new ConcurrentHashMap<>();
    /** Child ids in the order their incarnations ended. */
    private final Queue<String> ended = new ConcurrentLinkedQueue<>();

    /** A worker that counts its starts, then waits for a command; records its end. */
    private ChildSpec<Command> worker(String id, Restart restart) {
        return ChildSpec.of(id, restart, self -> {
            starts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            try {
                switch (self.mailbox().receive()) {
                    case CRASH -> throw new IllegalStateException(id + " was told to crash");
                    case FINISH -> {
                    }
                }
            } finally {
                ended.add(id);
            }
        });
    }

    private int starts(String id) {
        return starts.getOrDefault(id, new AtomicInteger()).get();
    }

    private static void tell(Supervisor supervisor, ChildSpec<Command> spec, Command command) {
        supervisor.child(spec).orElseThrow().send(command);
    }

    @Test
    void oneForOneRestartsOnlyTheChildThatCrashed() throws Exception {
        var a = worker("a", Restart.PERMANENT);
        var b = worker("b", Restart.PERMANENT);
        var c = worker("c", Restart.PERMANENT);
        try (var supervisor = Supervisor.builder("s").child(a).child(b).child(c).start()) {
            await().until(() -> starts("a") == 1 && starts("b") == 1 && starts("c") == 1);
            Pid<Command> oldB = supervisor.child(b).orElseThrow();
            tell(supervisor, b, Command.CRASH);
            await().until(() -> supervisor.restarts() == 1 && starts("b") == 2);
            assertNotSame(oldB, supervisor.child(b).orElseThrow());
            assertInstanceOf(ExitReason.Failed.class, oldB.join());
            assertEquals(List.of(1, 2, 1), List.of(starts("a"), starts("b"), starts("c")));
            assertEquals(List.of("b"), List.copyOf(ended));
        }
    }

    @Test
    void oneForAllStopsTheOthersNewestFirstAndRestartsEveryChild() throws Exception {
        var a = worker("a", Restart.PERMANENT);
        var b = worker("b", Restart.PERMANENT);
        var c = worker("c", Restart.PERMANENT);
        try (var supervisor = Supervisor.builder("s").strategy(RestartStrategy.ONE_FOR_ALL)
                .child(a).child(b).child(c).start()) {
            await().until(() -> starts("a") == 1 && starts("b") == 1 && starts("c") == 1);
            tell(supervisor, b, Command.CRASH);
            await().until(() -> starts("a") == 2 && starts("b") == 2 && starts("c") == 2);
            assertEquals(1, supervisor.restarts(), "restarting all children counts as one restart");
            assertEquals(List.of("b", "c", "a"), List.copyOf(ended));
            assertEquals(Supervisor.State.RUNNING, supervisor.state());
        }
    }

    @Test
    void permanentChildIsRestartedEvenAfterANormalEnd() {
        var p = worker("p", Restart.PERMANENT);
        try (var supervisor = Supervisor.builder("s").child(p).start()) {
            await().until(() -> starts("p") == 1);
            tell(supervisor, p, Command.FINISH);
            await().until(() -> supervisor.restarts() == 1 && starts("p") == 2);
        }
    }

    @Test
    void transientChildIsRestartedAfterACrashButNotAfterANormalEnd() {
        var t = worker("t", Restart.TRANSIENT);
        var supervisor = Supervisor.builder("s").child(t).start();
        try (supervisor) {
            await().until(() -> starts("t") == 1);
            tell(supervisor, t, Command.CRASH);
            await().until(() -> supervisor.restarts() == 1 && starts("t") == 2);
            tell(supervisor, t, Command.FINISH);
            await().until(() -> supervisor.child(t).isEmpty());
        } // close() runs after the supervisor has handled the normal end: nothing can be pending
        assertEquals(2, starts("t"));
        assertEquals(1, supervisor.restarts());
    }

    @Test
    void temporaryChildIsNeverRestarted() {
        var t = worker("t", Restart.TEMPORARY);
        var supervisor = Supervisor.builder("s").child(t).start();
        try (supervisor) {
            await().until(() -> starts("t") == 1);
            tell(supervisor, t, Command.CRASH);
            await().until(() -> supervisor.child(t).isEmpty());
        }
        assertEquals(1, starts("t"));
        assertEquals(0, supervisor.restarts());
    }

    @Test
    void tooManyRestartsWithinThePeriodFailTheSupervisorWithAClearReason() throws Exception {
        var clock = new ManualClock();
        var w = worker("worker", Restart.PERMANENT);
        var bystander = worker("bystander", Restart.PERMANENT);
        try (var supervisor = Supervisor.builder("poetry").intensity(2, Duration.ofSeconds(10)).clock(clock)
                .child(bystander).child(w).start()) {
            for (int restart = 1; restart <= 2; restart++) {
                int expected = restart;
                await().until(() -> starts("worker") == expected);
                tell(supervisor, w, Command.CRASH);
                await().until(() -> supervisor.restarts() == expected);
                clock.advance(Duration.ofSeconds(1)); // still inside the 10 s window
            }
            await().until(() -> starts("worker") == 3);
            tell(supervisor, w, Command.CRASH);

            ExitReason reason = supervisor.join();
            var failed = assertInstanceOf(ExitReason.Failed.class, reason);
            var why = assertInstanceOf(RestartIntensityExceededException.class, failed.cause());
            assertEquals("supervisor 'poetry' gave up: child 'worker' ended (failed: java.lang.IllegalStateException:"
                    + " worker was told to crash) and restarting it would make 3 restarts within PT10S,"
                    + " more than the limit of 2", why.getMessage());
            assertInstanceOf(IllegalStateException.class, why.getCause());
            assertEquals(Supervisor.State.FAILED, supervisor.state());
            assertEquals(2, supervisor.restarts());
            assertTrue(ended.contains("bystander"), "a failing supervisor stops its other children");
            assertEquals(Optional.empty(), supervisor.child(bystander));
        }
    }

    @Test
    void restartsSpreadWiderThanThePeriodAreAllowed() {
        var clock = new ManualClock();
        var w = worker("worker", Restart.PERMANENT);
        try (var supervisor = Supervisor.builder("s").intensity(1, Duration.ofSeconds(10)).clock(clock)
                .child(w).start()) {
            for (int restart = 1; restart <= 3; restart++) {
                int expected = restart;
                await().until(() -> starts("worker") == expected);
                tell(supervisor, w, Command.CRASH);
                await().until(() -> supervisor.restarts() == expected);
                clock.advance(Duration.ofSeconds(11)); // the previous restart leaves the window
            }
            assertEquals(Supervisor.State.RUNNING, supervisor.state());
        }
    }

    @Test
    void closeStopsChildrenInReverseStartOrder() throws Exception {
        var a = worker("a", Restart.PERMANENT);
        var b = worker("b", Restart.PERMANENT);
        var c = worker("c", Restart.PERMANENT);
        var supervisor = Supervisor.builder("s").child(a).child(b).child(c).start();
        await().until(() -> starts("a") == 1 && starts("b") == 1 && starts("c") == 1);
        Pid<Command> firstA = supervisor.child(a).orElseThrow();
        supervisor.close();
        assertEquals(List.of("c", "b", "a"), List.copyOf(ended));
        assertEquals(Supervisor.State.STOPPED, supervisor.state());
        assertEquals(ExitReason.normal(), supervisor.join());
        assertEquals(Optional.of(new ExitReason.Killed("supervisor 's' shutting down")), firstA.exitReason());
        assertEquals(0, supervisor.restarts(), "children stopped by the supervisor are not restarted");
        supervisor.close(); // idempotent
    }

    @Test
    void aChildThatIgnoresShutdownDelaysOnlyItsOwnTurnButCloseStillWaitsForIt() throws Exception {
        var release = new CountDownLatch(1);
        var stubborn = ChildSpec.<Command>of("stubborn", Restart.PERMANENT, self -> {
            starts.computeIfAbsent("stubborn", k -> new AtomicInteger()).incrementAndGet();
            try {
                self.mailbox().receive();
            } catch (InterruptedException e) {
                boolean released = false;
                while (!released) { // deaf to further interrupts until the test lets go
                    try {
                        release.await();
                        released = true;
                    } catch (InterruptedException again) {
                        // ignored on purpose
                    }
                }
            }
            ended.add("stubborn");
        }).withShutdown(Duration.ofMillis(50));
        var first = worker("first", Restart.PERMANENT);
        var supervisor = Supervisor.builder("s").child(first).child(stubborn).start();
        await().until(() -> starts("first") == 1 && starts("stubborn") == 1);
        Thread closer = Thread.ofVirtual().start(supervisor::close);
        await().until(() -> ended.contains("first")); // the shutdown went on past the stubborn child
        assertTrue(closer.isAlive(), "close() returned while a child was still running");
        release.countDown();
        closer.join();
        assertEquals(List.of("first", "stubborn").stream().sorted().toList(), ended.stream().sorted().toList());
    }

    @Test
    void aChildCannotCloseItsOwnSupervisor() throws Exception {
        var outcome = new java.util.concurrent.CompletableFuture<Throwable>();
        var holder = new java.util.concurrent.atomic.AtomicReference<Supervisor>();
        var rebel = ChildSpec.<Object>of("rebel", Restart.TEMPORARY, self -> {
            await().until(() -> holder.get() != null);
            try {
                holder.get().close();
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        try (var supervisor = Supervisor.builder("s").child(rebel).start()) {
            holder.set(supervisor);
            assertInstanceOf(WrongThreadException.class, outcome.get());
        }
    }

    @Test
    void childIdsMustBeUnique() {
        var builder = Supervisor.builder("s").child(worker("x", Restart.PERMANENT));
        var e = assertThrows(IllegalArgumentException.class, () -> builder.child(worker("x", Restart.TEMPORARY)));
        assertEquals("supervisor 's' already has a child 'x'", e.getMessage());
    }
}
