package org.slowpoetry.loom;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ProcessScopeTest {

    record Poem(int task, String text) {
    }

    @Test
    void spawnMonitorDeliversDownNormalWhenTheBodyReturns() throws Exception {
        var inbox = new Mailbox<Object>();
        try (var scope = ProcessScope.open("test")) {
            Monitored<String> worker = scope.spawnMonitor(inbox, "worker", self -> {
            });
            Down down = inbox.receive(Down.class);
            assertEquals(worker.ref(), down.ref());
            assertSame(worker.pid(), down.pid());
            assertEquals(ExitReason.normal(), down.reason());
            assertEquals(ExitReason.normal(), worker.pid().join());
            assertEquals(Pid.State.ENDED, worker.pid().state());
        }
    }

    @Test
    void spawnMonitorDeliversDownWithTheFailureWhenTheBodyThrows() throws Exception {
        var inbox = new Mailbox<Object>();
        var boom = new IllegalStateException("connection refused");
        try (var scope = ProcessScope.open("test")) {
            scope.spawnMonitor(inbox, "worker", self -> {
                throw boom;
            });
            Down down = inbox.receive(Down.class);
            assertEquals(new ExitReason.Failed(boom), down.reason());
        }
    }

    @Test
    void exitInterruptsTheProcessAndReportsKilledWithTheReason() throws Exception {
        var inbox = new Mailbox<Object>();
        try (var scope = ProcessScope.open("test")) {
            Monitored<String> sleeper = scope.spawnMonitor(inbox, "sleeper", self -> self.mailbox().receive());
            assertTrue(sleeper.pid().exit("enough"));
            Down down = inbox.receive(Down.class);
            assertEquals(new ExitReason.Killed("enough"), down.reason());
            assertEquals(new ExitReason.Killed("enough"), sleeper.pid().join());
            assertFalse(sleeper.pid().exit("again"), "exit of an ended process must have no effect");
        }
    }

    @Test
    void killedWinsEvenIfTheBodySwallowsTheInterruptAndReturns() throws Exception {
        try (var scope = ProcessScope.open("test")) {
            Pid<String> stubborn = scope.spawn("stubborn", self -> {
                try {
                    self.mailbox().receive();
                } catch (InterruptedException e) {
                    // returns normally anyway
                }
            });
            await().until(() -> stubborn.thread().getState() == Thread.State.WAITING);
            stubborn.exit("stop");
            assertEquals(new ExitReason.Killed("stop"), stubborn.join());
        }
    }

    @Test
    void monitoringAProcessThatHasEndedDeliversDownAtOnce() throws Exception {
        var inbox = new Mailbox<Down>();
        try (var scope = ProcessScope.open("test")) {
            Pid<String> quick = scope.spawn("quick", self -> {
            });
            quick.join();
            MonitorRef ref = quick.monitor(inbox);
            assertEquals(new Down(ref, quick, ExitReason.normal()), inbox.receive(Duration.ZERO).orElseThrow());
        }
    }

    @Test
    void downIsDeliveredEvenToAFullBoundedMailbox() throws Exception {
        Mailbox<Object> inbox = Mailbox.bounded(1, OverflowPolicy.REJECT);
        inbox.send("filler");
        try (var scope = ProcessScope.open("test")) {
            Pid<String> worker = scope.<String>spawnMonitor(inbox, "worker", self -> {
            }).pid();
            worker.join();
            assertEquals(2, inbox.size());
            assertEquals(ExitReason.normal(), inbox.receive(Down.class).reason());
        }
    }

    @Test
    void closeEndsEveryProcessAndJoinsItsThread() throws Exception {
        List<Pid<String>> pids = new ArrayList<>();
        var scope = ProcessScope.open("many");
        try (scope) {
            for (int i = 0; i < 200; i++) {
                pids.add(scope.spawn("p" + i, self -> self.mailbox().receive()));
            }
            assertEquals(ProcessScope.State.OPEN, scope.state());
        }
        assertEquals(ProcessScope.State.CLOSED, scope.state());
        assertEquals(List.of(), scope.processes());
        for (Pid<String> pid : pids) {
            assertFalse(pid.thread().isAlive(), pid + " outlived its scope");
            assertEquals(Optional.of(new ExitReason.Killed("scope 'many' closed")), pid.exitReason());
        }
    }

    @Test
    void spawningIntoAClosedScopeIsRefused() {
        var scope = ProcessScope.open("gone");
        scope.close();
        var e = assertThrows(ScopeClosedException.class, () -> scope.spawn("late", self -> {
        }));
        assertTrue(e.getMessage().contains("'late'") && e.getMessage().contains("'gone'"), e.getMessage());
        scope.close(); // idempotent
    }

    @Test
    void aProcessCanNeitherJoinItselfNorCloseItsOwnScope() throws Exception {
        var inbox = new Mailbox<Object>();
        try (var scope = ProcessScope.open("test")) {
            scope.spawnMonitor(inbox, "selfish", self -> {
                assertThrows(WrongThreadException.class, self::join);
                assertThrows(WrongThreadException.class, self.scope()::close);
            });
            assertEquals(ExitReason.normal(), inbox.receive(Down.class).reason());
        }
    }

    @Test
    void processesSpawnProcessesAndKnowThemselves() throws Exception {
        var inbox = new Mailbox<Object>();
        var seen = new AtomicReference<Pid<?>>();
        try (var scope = ProcessScope.open("test")) {
            Monitored<String> parent = scope.spawnMonitor(inbox, "parent", self -> {
                assertSame(self, Pid.current().orElseThrow());
                Pid<String> child = self.scope().spawn("child", me -> seen.set(Pid.current().orElseThrow()));
                child.join();
                inbox.send(child);
            });
            Pid<?> child = inbox.receive(Pid.class);
            assertSame(child, seen.get());
            assertEquals(ExitReason.normal(), inbox.receive(Down.class).reason());
            assertEquals(Optional.empty(), Pid.current(), "the test thread is not a process");
            assertEquals(Pid.State.ENDED, parent.pid().state());
        }
    }

    /** Part 20's Erlang client, in miniature: main counts DOWN notices to know when all are done. */
    @Test
    void mainCollectsPoemsUntilEveryWorkerIsDownEvenIfOneCrashes() throws Exception {
        var main = new Mailbox<Object>();
        List<String> poems = new ArrayList<>();
        List<ExitReason> reasons = new ArrayList<>();
        try (var scope = ProcessScope.open("get-poetry")) {
            for (int task = 1; task <= 3; task++) {
                int n = task;
                scope.spawnMonitor(main, "task-" + n, self -> {
                    if (n == 2) {
                        throw new java.net.ConnectException("Connection refused");
                    }
                    main.send(new Poem(n, "poem " + n));
                });
            }
            int running = 3;
            while (running > 0) {
                switch (main.receive()) {
                    case Poem poem -> poems.add(poem.text());
                    case Down down -> {
                        reasons.add(down.reason());
                        running--;
                    }
                    default -> throw new AssertionError("unexpected message");
                }
            }
        }
        assertEquals(List.of("poem 1", "poem 3"), poems.stream().sorted().toList());
        assertEquals(1, reasons.stream().filter(r -> r instanceof ExitReason.Failed).count());
        assertInstanceOf(java.net.ConnectException.class,
                reasons.stream().filter(r -> r instanceof ExitReason.Failed).map(r -> ((ExitReason.Failed) r).cause())
                        .findFirst().orElseThrow());
    }
}
