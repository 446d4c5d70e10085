package org.slowpoetry.clients.loom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slowpoetry.clients.ScriptedPoetryServer;
import org.slowpoetry.clients.GetOptions;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.clients.RecordingListener;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.fetch.FetchFailure;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.trial.LeakCheck;

/** {@code get --style loom}: the select client's lines, and {@code --timeout} as every style has it. */
@ExtendWith(LeakCheck.class)
@Timeout(20)
class LoomClientTest {

    @BeforeAll
    static void warmUp() throws InterruptedException {
        JdkThreads.warmUp();
    }

    private final Captured out = new Captured();
    private final RecordingListener events = new RecordingListener();

    @Test
    void printsWhatTheSelectClientPrintsALinePerReadFinishedThenEachPoemsSizeInTaskOrder() throws Exception {
        byte[] a = Servers.poem("a", 10);
        byte[] b = Servers.poem("b", 3);
        try (var s1 = Servers.slow(a, 30, Duration.ofMillis(2)); var s2 = Servers.slow(b, 10, Duration.ofMillis(2))) {
            new LoomClient().fetch(List.of(Servers.address(s1), Servers.address(s2)), out.run(GetOptions.defaults(), events));

            List<String> lines = out.lines();
            assertEquals(List.of("Task 1: " + a.length + " bytes of poetry", "Task 2: " + b.length + " bytes of poetry"),
                    lines.subList(lines.size() - 2, lines.size()));
            assertEquals(a.length, bytesReported(lines, 1, s1.port()));
            assertEquals(b.length, bytesReported(lines, 2, s2.port()));
            for (int task = 1; task <= 2; task++) {
                int finished = lines.indexOf("Task " + task + " finished");
                assertTrue(finished >= 0, out::text);
                String got = "Task " + task + ": got ";
                assertTrue(lines.subList(finished, lines.size()).stream().noneMatch(l -> l.startsWith(got)),
                        "no read after the server closed: " + out.text());
            }
            assertEquals("", out.errText());
        }
    }

    /** The sum of the {@code Task N: got K bytes of poetry from 127.0.0.1:PORT} lines of one task. */
    static int bytesReported(List<String> lines, int task, int port) {
        String prefix = "Task " + task + ": got ";
        String suffix = " of poetry from 127.0.0.1:" + port;
        return lines.stream()
                .filter(l -> l.startsWith(prefix) && l.endsWith(suffix))
                .mapToInt(l -> Integer.parseInt(l.substring(prefix.length()).split(" ")[0]))
                .sum();
    }

    @Test
    void timeoutEndsASilentTaskWithATimeoutFailureKeepingItsBytesWhileTheOthersFinish() throws Exception {
        byte[] stuck = Servers.poem("stuck", 5);
        byte[] fine = Servers.poem("fine", 3);
        Duration timeout = Duration.ofMillis(300);
        CountDownLatch never = new CountDownLatch(1); // opened only after the fetch
        GetOptions options = GetOptions.defaults().withFetch(FetchSettings.defaults().withTimeout(timeout));
        try (var s1 = ScriptedPoetryServer.gated(stuck, 20, never); var s2 = Servers.slow(fine, 10, Duration.ofMillis(2))) {
            List<TaskOutcome> outcomes = new LoomClient().fetch(List.of(s1.address(), Servers.address(s2)),
                    out.run(options, events));
            never.countDown();

            var timedOut = assertInstanceOf(TaskOutcome.Failed.class, outcomes.get(0));
            assertEquals(new FetchFailure.TimedOut(s1.address(), true, 20, timeout), timedOut.failure());
            assertArrayEquals(Arrays.copyOf(stuck, 20), timedOut.partial(), "the bytes that arrived are kept");
            assertArrayEquals(fine, assertInstanceOf(TaskOutcome.Fetched.class, outcomes.get(1)).poem());
            assertEquals(List.of("Task 1: " + PoetryLines.reason(timedOut.failure())), out.errLines());
            assertFalse(out.lines().contains("Task 1 finished"), out::text);
            assertEquals("failed 1 " + PoetryLines.reason(timedOut.failure()), events.events(1).getLast());
        }
    }
}
