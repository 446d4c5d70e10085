package org.slowpoetry.clients.loom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slowpoetry.clients.RecordingListener;
import org.slowpoetry.clients.GetOptions;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.loom.Mailbox;
import org.slowpoetry.loom.Monitored;
import org.slowpoetry.loom.ProcessScope;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.testing.LeakCheck;

/**
 * Main's receive loop on its own, with processes that send what the test scripts, in the order it
 * scripts: no sockets, so the order of the mailbox is exact.
 */
@ExtendWith(LeakCheck.class)
@Timeout(10)
class CollectPoemsTest {

    private final Captured out = new Captured();
    private final RecordingListener events = new RecordingListener();

    /**
     * Three processes; process {@code k} sends a poem of {@code k} bytes and ends, in the order
     * {@code finishing}, each only after the one before it has ended; task {@code failing} crashes
     * instead. Then main collects.
     */
    private List<TaskOutcome> collect(boolean inOrder, List<Integer> finishing, int failing) throws Exception {
        GetOptions options = new GetOptions(false, java.util.Optional.empty(), true, false, inOrder, 0,
                java.util.OptionalLong.empty(), false, "epoll");
        CollectPoems collector = new CollectPoems(out.run(options, events));
        Mailbox<Object> main = new Mailbox<>();
        List<CountDownLatch> go = new ArrayList<>();
        List<Monitored<Object>> processes = new ArrayList<>();
        try (var scope = ProcessScope.open("test")) {
            for (int task = 1; task <= 3; task++) {
                int k = task;
                CountDownLatch latch = new CountDownLatch(1);
                go.add(latch);
                Monitored<Object> process = scope.spawnMonitor(main, "task-" + k, self -> {
                    latch.await();
                    if (k == failing) {
                        throw new FetchFailedException("failed to connect to 127.0.0.1:" + k + ": Connection refused",
                                new byte[0], null);
                    }
                    main.send(new PoetryMessage.Poem(k, new byte[k], Duration.ZERO));
                });
                processes.add(process);
                collector.watch(new Address("127.0.0.1", k), process.pid(), process.ref(), 0);
            }
            for (int k : finishing) {
                go.get(k - 1).countDown();
                processes.get(k - 1).pid().join(); // its poem and its Down are in the mailbox now
            }
            return collector.collect(main);
        }
    }

    private List<String> printed() {
        return out.lines();
    }

    @Test
    void poemsAreTakenAsTheyArriveByDefault() throws Exception {
        collect(false, List.of(3, 1, 2), 0);
        assertEquals(List.of("Task 3: 3 bytes of poetry", "Task 1: 1 byte of poetry", "Task 2: 2 bytes of poetry"), printed());
    }

    @Test
    void inOrderSelectiveReceiveLeavesLaterPoemsWaitingInTheMailbox() throws Exception {
        List<TaskOutcome> outcomes = collect(true, List.of(3, 2, 1), 0);
        assertEquals(List.of("Task 1: 1 byte of poetry", "Task 2: 2 bytes of poetry", "Task 3: 3 bytes of poetry"), printed());
        outcomes.forEach(o -> assertInstanceOf(TaskOutcome.Fetched.class, o));
    }

    @Test
    void inOrderSkipsACrashedTaskAndReportsItAtOnce() throws Exception {
        List<TaskOutcome> outcomes = collect(true, List.of(3, 2, 1), 2);
        assertEquals(List.of("Task 2: failed to connect to 127.0.0.1:2: Connection refused",
                "Task 1: 1 byte of poetry", "Task 3: 3 bytes of poetry"), printed());
        assertInstanceOf(TaskOutcome.Failed.class, outcomes.get(1));
    }

    @Test
    void aCrashThatIsNotAFetchFailureIsNamedNotHidden() throws Exception {
        GetOptions options = GetOptions.defaults();
        CollectPoems collector = new CollectPoems(out.run(options, events));
        Mailbox<Object> main = new Mailbox<>();
        try (var scope = ProcessScope.open("test")) {
            Monitored<Object> process = scope.spawnMonitor(main, "task-1", self -> {
                throw new IllegalStateException("a bug");
            });
            collector.watch(new Address("127.0.0.1", 1), process.pid(), process.ref(), 0);
            var failed = assertInstanceOf(TaskOutcome.Failed.class, collector.collect(main).getFirst());
            assertEquals("crashed: a bug", failed.reason());
        }
    }
}
