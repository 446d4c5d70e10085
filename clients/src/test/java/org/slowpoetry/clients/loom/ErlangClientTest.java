package org.slowpoetry.clients.loom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slowpoetry.clients.ScriptedPoetryServer;
import org.slowpoetry.clients.GetOptions;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.clients.RecordingListener;
import org.slowpoetry.clients.TaskListener;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.fetch.FetchFailure;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.trial.LeakCheck;

/** {@code get --style erlang}: the Part 20 exercises and the supervised retries, end to end. */
@ExtendWith(LeakCheck.class)
@Timeout(20)
class ErlangClientTest {

    @BeforeAll
    static void warmUp() throws InterruptedException {
        JdkThreads.warmUp();
    }

    private static final Duration DELAY = Duration.ofMillis(2);

    private final Captured out = new Captured();
    private final RecordingListener events = new RecordingListener();

    private static GetOptions options(boolean quiet, boolean timing, boolean inOrder, int retries) {
        return new GetOptions(FetchSettings.defaults(), false, quiet, timing, inOrder, retries, OptionalLong.empty(), false,
                "epoll");
    }

    /** A listener that opens {@code latch} once {@code bytes} bytes of task 1 have reached main. */
    private static TaskListener opening(CountDownLatch latch, int bytes) {
        AtomicInteger got = new AtomicInteger();
        return new TaskListener() {
            @Override
            public void received(int task, int count) {
                if (task == 1 && got.addAndGet(count) >= bytes) {
                    latch.countDown();
                }
            }
        };
    }

    @Test
    void retriesRestartADownloadWhoseConnectionWasResetMidPoemAndGetThePoem() throws Exception {
        byte[] poem = Servers.poem("again", 6);
        CountDownLatch readTwenty = new CountDownLatch(1);
        try (var server = ScriptedPoetryServer.resettingFirst(1, 20, readTwenty, poem)) {
            List<TaskOutcome> outcomes = new ErlangClient().fetch(List.of(server.address()),
                    out.run(options(true, false, false, 2), events.andThen(opening(readTwenty, 20))));

            assertArrayEquals(poem, assertInstanceOf(TaskOutcome.Fetched.class, outcomes.getFirst()).poem());
            assertEquals(2, server.accepted());
            assertEquals(List.of("Task 1: crashed: lost connection to " + server.address()
                    + " after 20 bytes: Connection reset"), out.errLines());
            assertEquals(new String(poem, StandardCharsets.US_ASCII) + "\n", out.text(), "stdout is the poem alone");
        }
    }

    @Test
    void withoutRetriesAResetConnectionIsTheTasksOneLineFailure() throws Exception {
        CountDownLatch readTwenty = new CountDownLatch(1);
        try (var server = ScriptedPoetryServer.resettingFirst(1, 20, readTwenty, Servers.poem("again", 6))) {
            List<TaskOutcome> outcomes = new ErlangClient().fetch(List.of(server.address()),
                    out.run(options(true, false, false, 0), events.andThen(opening(readTwenty, 20))));

            var failed = assertInstanceOf(TaskOutcome.Failed.class, outcomes.getFirst());
            var lost = assertInstanceOf(FetchFailure.Lost.class, failed.failure());
            assertEquals(20, lost.received());
            assertEquals(20, failed.partial().length);
            assertEquals(List.of("Task 1: " + PoetryLines.reason(lost)), out.errLines());
            assertEquals("", out.text());
            assertEquals(1, server.accepted());
        }
    }

    @Test
    void supervisorGivesUpAfterTheRetriesWhileTheOtherTasksFinish() throws Exception {
        byte[] fine = Servers.poem("fine", 4);
        try (var broken = ScriptedPoetryServer.resettingAtOnce(100, fine); var healthy = Servers.slow(fine, 10, DELAY)) {
            List<TaskOutcome> outcomes = new ErlangClient().fetch(List.of(broken.address(), Servers.address(healthy)),
                    out.run(options(true, false, false, 1), events));

            var failed = assertInstanceOf(TaskOutcome.Failed.class, outcomes.get(0));
            assertArrayEquals(fine, assertInstanceOf(TaskOutcome.Fetched.class, outcomes.get(1)).poem());
            assertEquals(2, broken.accepted(), "one start and one restart");
            var gaveUp = assertInstanceOf(FetchFailure.GaveUp.class, failed.failure());
            assertEquals(1, gaveUp.retries());
            // Reset at once, the client sees it while connecting or at its first read: either failure.
            assertEquals(broken.address(), gaveUp.last().address());
            List<String> task1 = out.errLines().stream().filter(l -> l.startsWith("Task 1: ")).toList();
            assertEquals(3, task1.size(), out::errText);
            assertTrue(task1.get(0).startsWith("Task 1: crashed: "), task1.get(0));
            assertEquals("Task 1: crashed: " + PoetryLines.reason(gaveUp.last()), task1.get(1));
            assertEquals("Task 1: " + PoetryLines.reason(gaveUp), task1.get(2));
        }
    }

    @Test
    void quietPrintsNoChunkLinesAndTimingSaysHowLongEachPoemTook() throws Exception {
        byte[] a = Servers.poem("a", 3);
        try (var s1 = Servers.slow(a, 10, DELAY)) {
            new ErlangClient().fetch(List.of(Servers.address(s1)), out.run(options(true, true, false, 0), events));

            assertEquals(new String(a, StandardCharsets.US_ASCII) + "\n", out.text(), "stdout is the poem alone");
            List<String> lines = out.errLines();
            assertEquals(1, lines.size(), out::errText);
            assertTrue(lines.getFirst().matches("Task 1: got " + a.length + " bytes of poetry from 127\\.0\\.0\\.1:"
                    + s1.port() + " in 0:00:\\d\\d(\\.\\d{6})?"), lines.getFirst());
            assertEquals(a.length, events.bytes(), "the listener still hears every chunk");
        }
    }

    @Test
    void withoutInOrderThePoemsArePrintedAtTheEndTheLatestFirst() throws Exception {
        // Task 1's poem is held back until main has taken poems 2 and 3.
        CountDownLatch othersPrinted = new CountDownLatch(2);
        TaskListener gate = new TaskListener() {
            @Override
            public void finished(int task) {
                othersPrinted.countDown();
            }
        };
        List<Integer> order = poemOrder(false, othersPrinted, gate);
        assertEquals(List.of(1, 2, 3), order.stream().sorted().toList());
        assertEquals(1, order.getFirst(), "task 1 arrived last, and is printed first, as the original prepends: " + order);
    }

    @Test
    void inOrderPrintsPoemsInTheOrderGivenEvenWhenTheyFinishOutOfOrder() throws Exception {
        // Task 1's poem is held back until every byte of poems 2 and 3 has reached main. (Main
        // cannot print poems 2 and 3 before poem 1 here, so it cannot wait for that; the exact
        // mailbox order is proved in CollectPoemsTest.)
        byte[] b = Servers.poem("b", 2);
        byte[] c = Servers.poem("c", 2);
        CountDownLatch othersRead = new CountDownLatch(b.length + c.length);
        TaskListener gate = new TaskListener() {
            @Override
            public void received(int task, int bytes) {
                for (int i = 0; task != 1 && i < bytes; i++) {
                    othersRead.countDown();
                }
            }
        };
        assertEquals(List.of(1, 2, 3), poemOrder(true, othersRead, gate));
    }

    /**
     * Fetches three poems, task 1's server sending its first 10 bytes and the rest only when
     * {@code opens} is counted down to zero (by {@code gate}, a listener of the run); returns the
     * task numbers of the poems, in the order printed.
     */
    private List<Integer> poemOrder(boolean inOrder, CountDownLatch opens, TaskListener gate) throws Exception {
        byte[] a = Servers.poem("a", 3);
        byte[] b = Servers.poem("b", 2);
        byte[] c = Servers.poem("c", 2);
        try (var s1 = ScriptedPoetryServer.gated(a, 10, opens); var s2 = Servers.slow(b, 10, DELAY);
                var s3 = Servers.slow(c, 10, DELAY)) {
            new ErlangClient().fetch(List.of(s1.address(), Servers.address(s2), Servers.address(s3)),
                    out.run(options(true, false, inOrder, 0), events.andThen(gate)));
        }
        return out.lines().stream()
                .filter(l -> l.contains(", line 1: "))
                .map(l -> "abc".indexOf(l.charAt(0)) + 1)
                .toList();
    }
}
