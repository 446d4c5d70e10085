package org.slowpoetry.clients.loom;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slowpoetry.clients.ScriptedPoetryServer;
import org.slowpoetry.clients.RecordingListener;
import org.slowpoetry.clients.GetOptions;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.fetch.FetchFailure;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.trial.LeakCheck;

/** {@code get --style haskell-lazy}: the poems' text, in order, streamed line by line. */
@ExtendWith(LeakCheck.class)
@Timeout(20)
class LazyHaskellClientTest {

    @BeforeAll
    static void warmUp() throws InterruptedException {
        JdkThreads.warmUp();
    }

    private final Captured out = new Captured();
    private final RecordingListener events = new RecordingListener();

    private static String text(byte[] poem) {
        return new String(poem, StandardCharsets.US_ASCII);
    }

    @Test
    void theFirstPoemsFirstLineIsPrintedBeforeTheSlowestServerHasFinished() throws Exception {
        byte[] first = Servers.poem("first", 4);
        byte[] second = Servers.poem("second", 3);
        byte[] slowest = Servers.poem("slowest", 3);
        String firstLine = text(first).lines().findFirst().orElseThrow();
        // Both gated servers send less than their poem, and finish only once the first line is out:
        // the first poem's server stops right after its first line, the third after 10 bytes.
        CountDownLatch firstLineSeen = new CountDownLatch(1);
        try (var s1 = ScriptedPoetryServer.gated(first, firstLine.length() + 1, firstLineSeen);
                var s2 = Servers.slow(second, 10, Duration.ofMillis(2));
                var s3 = ScriptedPoetryServer.gated(slowest, 10, firstLineSeen)) {
            AtomicReference<List<TaskOutcome>> outcomes = new AtomicReference<>();
            Thread client = Thread.ofVirtual().start(() -> {
                try {
                    outcomes.set(new LazyHaskellClient().fetch(List.of(s1.address(), Servers.address(s2), s3.address()),
                            out.run(GetOptions.defaults(), events)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> out.text().equals(firstLine + "\n"));
            firstLineSeen.countDown();
            client.join();

            assertEquals(text(first) + text(second) + text(slowest), out.text());
            assertArrayEquals(first, assertInstanceOf(TaskOutcome.Fetched.class, outcomes.get().get(0)).poem());
            assertArrayEquals(second, assertInstanceOf(TaskOutcome.Fetched.class, outcomes.get().get(1)).poem());
            assertArrayEquals(slowest, assertInstanceOf(TaskOutcome.Fetched.class, outcomes.get().get(2)).poem());
        }
    }

    @Test
    void aServerThatCannotBeReachedIsOneLineOnStderrAndEveryOtherPoemIsPrinted() throws Exception {
        byte[] a = Servers.poem("a", 4);
        byte[] c = Servers.poem("c", 3);
        Address down = Servers.refusingAddress();
        try (var s1 = Servers.slow(a, 10, Duration.ofMillis(2)); var s3 = Servers.slow(c, 10, Duration.ofMillis(2))) {
            List<TaskOutcome> outcomes = new LazyHaskellClient().fetch(List.of(Servers.address(s1), down, Servers.address(s3)),
                    out.run(GetOptions.defaults(), events));

            assertEquals(text(a) + text(c), out.text());
            assertEquals(List.of("Task 2: failed to connect to " + down + ": Connection refused"), out.errLines());
            assertEquals(new FetchFailure.Refused(down),
                    assertInstanceOf(TaskOutcome.Failed.class, outcomes.get(1)).failure());
        }
    }
}
