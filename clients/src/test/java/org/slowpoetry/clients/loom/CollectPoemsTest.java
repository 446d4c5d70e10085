package org.slowpoetry.clients.loom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.GetOptions;
import org.slowpoetry.clients.PoemTask;
import org.slowpoetry.clients.RecordingListener;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.fetch.FetchException;
import org.slowpoetry.fetch.FetchFailure;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.loom.Mailbox;
import org.slowpoetry.loom.Monitored;
import org.slowpoetry.loom.ProcessScope;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.trial.LeakCheck;

/**
 * Main's receive loop on its own, with processes that send what the test scripts, in the order it
 * scripts: no sockets, so the order of the mailbox is exact.
 */
@ExtendWith(LeakCheck.class)
@Timeout(10)
class CollectPoemsTest {

    private final Captured out = new Captured();
    private final RecordingListener events = new RecordingListener();

    private static GetOptions options(boolean inOrder) {
        return new GetOptions(FetchSettings.defaults(), false, true, false, inOrder, 0, OptionalLong.empty(), false,
                "epoll");
    }

    private static byte[] poem(int task) {
        return ("poem " + task).getBytes(StandardCharsets.US_ASCII);
    }

    /** Tasks 1 to 3, started, fetching from made-up addresses. */
    private static List<PoemTask> tasks(ClientRun run) {
        List<PoemTask> tasks = run.tasks(List.of(new Address("127.0.0.1", 1), new Address("127.0.0.1", 2),
                new Address("127.0.0.1", 3)));
        tasks.forEach(PoemTask::start);
        return tasks;
    }

    /**
     * Three processes; process {@code k} sends the poem {@code poem k} and ends, in the order
     * {@code finishing}, each only after the one before it has ended; task {@code failing} crashes
     * with a refused connect instead. Then main collects.
     */
    private List<TaskOutcome> collect(boolean inOrder, List<Integer> finishing, int failing) throws Exception {
        ClientRun run = out.run(options(inOrder), events);
        CollectPoems collector = new CollectPoems(run);
        Mailbox<Object> main = new Mailbox<>();
        List<CountDownLatch> go = new ArrayList<>();
        List<Monitored<Object>> processes = new ArrayList<>();
        try (var scope = ProcessScope.open("test")) {
            for (PoemTask task : tasks(run)) {
                int k = task.number();
                CountDownLatch latch = new CountDownLatch(1);
                go.add(latch);
                Monitored<Object> process = scope.spawnMonitor(main, "task-" + k, self -> {
                    latch.await();
                    if (k == failing) {
                        throw new FetchException(new FetchFailure.Refused(task.address()), new byte[0], null);
                    }
                    main.send(new PoetryMessage.Poem(k, poem(k)));
                });
                processes.add(process);
                collector.watch(task, process.pid(), process.ref());
            }
            for (int k : finishing) {
                go.get(k - 1).countDown();
                processes.get(k - 1).pid().join(); // its poem and its Down are in the mailbox now
            }
            return collector.collect(main);
        }
    }

    @Test
    void poemsArePrintedOnceAllAreDownTheLatestFirstAsTheOriginalPrependsThem() throws Exception {
        collect(false, List.of(3, 1, 2), 0);
        assertEquals(List.of("poem 2", "poem 1", "poem 3"), out.lines());
    }

    @Test
    void inOrderSelectiveReceiveLeavesLaterPoemsWaitingInTheMailbox() throws Exception {
        List<TaskOutcome> outcomes = collect(true, List.of(3, 2, 1), 0);
        assertEquals(List.of("poem 1", "poem 2", "poem 3"), out.lines());
        outcomes.forEach(o -> assertInstanceOf(TaskOutcome.Fetched.class, o));
    }

    @Test
    void inOrderSkipsACrashedTaskWhoseFailureIsOneLineOnStderr() throws Exception {
        List<TaskOutcome> outcomes = collect(true, List.of(3, 2, 1), 2);
        assertEquals(List.of("poem 1", "poem 3"), out.lines());
        assertEquals(List.of("Task 2: failed to connect to 127.0.0.1:2: Connection refused"), out.errLines());
        var failed = assertInstanceOf(TaskOutcome.Failed.class, outcomes.get(1));
        assertEquals(new FetchFailure.Refused(new Address("127.0.0.1", 2)), failed.failure());
    }

    @Test
    void aCrashThatIsNotAFetchFailureIsABugThatCollectThrows() throws Exception {
        ClientRun run = out.run(options(false), events);
        CollectPoems collector = new CollectPoems(run);
        Mailbox<Object> main = new Mailbox<>();
        IllegalStateException bug = new IllegalStateException("a bug");
        try (var scope = ProcessScope.open("test")) {
            for (PoemTask task : tasks(run)) {
                Monitored<Object> process = scope.spawnMonitor(main, "task-" + task.number(), self -> {
                    throw bug;
                });
                collector.watch(task, process.pid(), process.ref());
            }
            var thrown = assertThrows(IllegalStateException.class, () -> collector.collect(main));
            assertSame(bug, thrown.getCause());
        }
    }
}
