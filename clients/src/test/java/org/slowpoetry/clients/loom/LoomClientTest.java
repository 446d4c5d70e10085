package org.slowpoetry.clients.loom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slowpoetry.clients.RecordingListener;
import org.slowpoetry.clients.GetOptions;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.testing.LeakCheck;

/** {@code get --style loom}: the select client's lines, and the scope's deadline. */
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
    void printsALinePerReadThenEachPoemsSizeInTaskOrder() throws Exception {
        byte[] a = Servers.poem("a", 10);
        byte[] b = Servers.poem("b", 3);
        try (var s1 = Servers.slow(a, 30, Duration.ofMillis(2)); var s2 = Servers.slow(b, 10, Duration.ofMillis(2))) {
            new LoomClient().fetch(List.of(Servers.address(s1), Servers.address(s2)), out.run(GetOptions.defaults(), events));

            List<String> lines = out.lines();
            assertEquals(List.of("Task 1: " + a.length + " bytes of poetry", "Task 2: " + b.length + " bytes of poetry"),
                    lines.subList(lines.size() - 2, lines.size()));
            assertEquals(a.length, bytesReported(lines, 1, s1.port()));
            assertEquals(b.length, bytesReported(lines, 2, s2.port()));
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
    void timeoutEndsAStuckTaskWithATimeoutFailureKeepingItsBytes() throws Exception {
        byte[] stuck = Servers.poem("stuck", 5);
        byte[] fine = Servers.poem("fine", 3);
        CountDownLatch never = new CountDownLatch(1); // opened only after the fetch
        GetOptions options = new GetOptions(false, Optional.of(Duration.ofSeconds(2)), false, false, false, 0,
                java.util.OptionalLong.empty(), false, "epoll");
        try (var s1 = ScriptedServer.gated(stuck, 20, never); var s2 = Servers.slow(fine, 10, Duration.ofMillis(2))) {
            List<TaskOutcome> outcomes = new LoomClient().fetch(List.of(s1.address(), Servers.address(s2)),
                    out.run(options, events));
            never.countDown();

            var timedOut = assertInstanceOf(TaskOutcome.Failed.class, outcomes.get(0));
            String reason = "timed out after 2 s with 20 bytes from " + s1.address();
            assertEquals(reason, timedOut.reason());
            assertArrayEquals(Arrays.copyOf(stuck, 20), timedOut.partial(), "the bytes that arrived are kept");
            assertArrayEquals(fine, assertInstanceOf(TaskOutcome.Fetched.class, outcomes.get(1)).poem());
            assertTrue(out.lines().contains("Task 1: " + reason), out::text);
            assertEquals("failed 1 " + reason, events.events(1).getLast());
        }
    }
}
