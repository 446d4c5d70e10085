package org.slowpoetry.clients.reactor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slowpoetry.cli.ExitCodes;
import org.slowpoetry.clients.ClientStyles;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.clients.reactor.ReactorTesting.Captured;
import org.slowpoetry.testing.LeakCheck;
import org.slowpoetry.clients.reactor.ReactorTesting.Cli;

/** Part 4's second exercise: give up on a poem with callLater, and cancel that when it arrives in time. */
@ExtendWith(LeakCheck.class)
@Timeout(20)
class RawClientTimeoutTest {

    @BeforeAll
    static void warmUp() {
        ReactorTesting.warmUp();
    }

    @Test
    void aStuckServerTimesOutWhileTheOtherPoemArrives() throws Exception {
        byte[] stuckPoem = ReactorTesting.poem("stuck", 3);
        byte[] good = ReactorTesting.poem("good", 3);
        Captured captured = ReactorTesting.capture(ReactorTesting.withTimeout(Duration.ofSeconds(1)));
        // the stuck server sends 10 bytes, then waits a minute before the next 10
        try (var stuck = ReactorTesting.server("loom", stuckPoem, 10, Duration.ofMinutes(1));
                var fine = ReactorTesting.server("loom", good, 10, Duration.ofMillis(1))) {
            var stuckAddress = ReactorTesting.address(stuck);
            List<TaskOutcome> outcomes = ClientStyles.find("reactor-raw")
                    .fetch(List.of(stuckAddress, ReactorTesting.address(fine)), captured.run());

            var failed = assertInstanceOf(TaskOutcome.Failed.class, outcomes.get(0));
            String reason = "timed out after 1 s with 10 bytes from " + stuckAddress;
            assertEquals(reason, failed.reason());
            assertArrayEquals(Arrays.copyOf(stuckPoem, 10), failed.partial());
            assertArrayEquals(good, assertInstanceOf(TaskOutcome.Fetched.class, outcomes.get(1)).poem());
            assertTrue(captured.lines().contains("Task 1: " + reason), captured.lines()::toString);
            assertEquals("failed 1 " + reason, captured.events().events(1).getLast());
        }
    }

    @Test
    void aPoemThatArrivesInTimeIsNotTimedOut() throws Exception {
        byte[] poem = ReactorTesting.poem("quick", 4);
        Captured captured = ReactorTesting.capture(ReactorTesting.withTimeout(Duration.ofSeconds(30)));
        try (var server = ReactorTesting.server("blocking", poem, 10, Duration.ofMillis(1))) {
            List<TaskOutcome> outcomes = ClientStyles.find("reactor-raw")
                    .fetch(List.of(ReactorTesting.address(server)), captured.run());

            assertArrayEquals(poem, assertInstanceOf(TaskOutcome.Fetched.class, outcomes.getFirst()).poem());
            assertTrue(captured.lines().stream().noneMatch(l -> l.contains("timed out")), captured.lines()::toString);
        }
    }

    @Test
    void getReportsTheTimeoutAndExitsOne() throws Exception {
        try (var stuck = ReactorTesting.server("blocking", ReactorTesting.poem("stuck", 3), 10, Duration.ofMinutes(1))) {
            var address = ReactorTesting.address(stuck);
            Cli run = Cli.run("get", "--style", "reactor-raw", "--timeout", "0.5", address.toString());

            assertEquals(ExitCodes.SOME_FAILED, run.exitCode(), run.err());
            assertTrue(run.outLines().stream().anyMatch(l -> l.startsWith("Task 1: timed out after 0.5 s with ")
                    && l.endsWith(" from " + address)), run.out());
        }
    }

    @Test
    void stylesWithoutATimeoutRejectTheOption() {
        Cli run = Cli.run("get", "--style", "deferred", "--timeout", "1", "10000");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("slowpoetry get: --timeout is not supported by style 'deferred'", run.err().strip());
    }
}
