package org.slowpoetry.clients.loom;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.slowpoetry.trial.LeakCheck;

/** {@code get --style haskell}: a line per line of poetry, and each poem as soon as it is complete. */
@ExtendWith(LeakCheck.class)
@Timeout(20)
class HaskellClientTest {

    @BeforeAll
    static void warmUp() throws InterruptedException {
        JdkThreads.warmUp();
    }

    private final Captured out = new Captured();
    private final RecordingListener events = new RecordingListener();

    @Test
    void printsALinePerLineOfPoetryCountingItsNewlineThenThePoem() throws Exception {
        String text = "When I have fears\n\nthat I may cease to be\r\nbefore my pen\nhas glean'd"; // no final newline
        byte[] poem = text.getBytes(StandardCharsets.US_ASCII);
        try (var server = Servers.slow(poem, 7, Duration.ofMillis(2))) {
            String from = " of poetry from 127.0.0.1:" + server.port();
            new HaskellClient().fetch(List.of(Servers.address(server)), out.run(GetOptions.defaults(), events));

            assertEquals(List.of(
                    "Task 1: got 18 bytes" + from,
                    "Task 1: got 1 byte" + from,
                    "Task 1: got 23 bytes" + from,
                    "Task 1: got 14 bytes" + from,
                    "Task 1: got 12 bytes" + from,
                    "When I have fears",
                    "",
                    "that I may cease to be",
                    "before my pen",
                    "has glean'd"), out.lines());
        }
    }

    @Test
    void aPoemIsPrintedTheMomentItIsCompleteWhileTheOthersGoOn() throws Exception {
        byte[] quick = Servers.poem("quick", 3);
        byte[] held = Servers.poem("held", 3);
        CountDownLatch quickPrinted = new CountDownLatch(1);
        try (var s1 = ScriptedPoetryServer.gated(held, 10, quickPrinted); var s2 = Servers.slow(quick, 10, Duration.ofMillis(2))) {
            AtomicReference<List<TaskOutcome>> outcomes = new AtomicReference<>();
            Thread client = Thread.ofVirtual().start(() -> {
                try {
                    outcomes.set(new HaskellClient().fetch(List.of(s1.address(), Servers.address(s2)),
                            out.run(GetOptions.defaults(), events)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            String quickText = new String(quick, StandardCharsets.US_ASCII);
            await().atMost(Duration.ofSeconds(10)).until(() -> out.text().contains(quickText));
            quickPrinted.countDown(); // only now may the first server finish its poem
            client.join();

            assertTrue(out.text().indexOf(quickText) < out.text().indexOf(new String(held, StandardCharsets.US_ASCII)),
                    out::text);
            assertInstanceOf(TaskOutcome.Fetched.class, outcomes.get().get(0));
            assertInstanceOf(TaskOutcome.Fetched.class, outcomes.get().get(1));
        }
    }
}
