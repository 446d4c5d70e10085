package org.slowpoetry.clients.reactor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slowpoetry.cli.ExitCodes;
import org.slowpoetry.clients.ClientStyles;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.clients.reactor.ReactorTesting.Captured;
import org.slowpoetry.clients.reactor.ReactorTesting.Cli;
import org.slowpoetry.fetch.FetchFailure;
import org.slowpoetry.trial.LeakCheck;

/**
 * Part 4's second exercise and {@code --timeout} for every reactor style: give up on a server that
 * goes silent (client 1.0 with callLater, reset by each read and cancelled when the poem arrives in
 * time; the others with the one poetry protocol's idle timer).
 */
@ExtendWith(LeakCheck.class)
@Timeout(20)
class RawClientTimeoutTest {
    /** The style whose original's failure line cannot say why: 3.0's callback is given null. */
    private static final List<String> SAY_NOT_WHY = List.of("callbacks");

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
            var timedOut = new FetchFailure.TimedOut(stuckAddress, true, 10, Duration.ofSeconds(1));
            assertEquals(timedOut, failed.failure());
            assertArrayEquals(Arrays.copyOf(stuckPoem, 10), failed.partial());
            assertArrayEquals(good, assertInstanceOf(TaskOutcome.Fetched.class, outcomes.get(1)).poem());
            assertEquals(List.of("Task 1: " + PoetryLines.reason(timedOut)), captured.err());
            assertEquals("failed 1 " + PoetryLines.reason(timedOut), captured.events().events(1).getLast());
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
            assertEquals(List.of(), captured.err());
        }
    }

    @ParameterizedTest
    @MethodSource("org.slowpoetry.clients.reactor.ReactorTesting#styles")
    void everyStyleGivesUpOnASilentServerWithOneLineOnStderrAndExitsOne(String style) throws Exception {
        try (var stuck = ReactorTesting.server("blocking", ReactorTesting.poem("stuck", 3), 10, Duration.ofMinutes(1))) {
            var address = ReactorTesting.address(stuck);
            List<String> args = new ArrayList<>(List.of("get", "--style", style, "--timeout", "0.5"));
            if (ClientStyles.find(style).takesTransformAddress()) {
                args.add(""); // no transform server: the download is the point here
            }
            args.add(address.toString());
            Cli run = Cli.run(args.toArray(String[]::new));

            assertEquals(ExitCodes.SOME_FAILED, run.exitCode(), run.err());
            List<String> failureLines = run.err().lines()
                    .filter(l -> !l.startsWith("Got ") && !l.endsWith(" poems failed") && !l.endsWith(" poem failed")).toList();
            assertEquals(1, failureLines.size(), run.err());
            if (!SAY_NOT_WHY.contains(style)) {
                assertTrue(failureLines.getFirst().contains("timed out after 0.5 s"), failureLines.getFirst());
            }
            assertTrue(run.out().lines().noneMatch(l -> l.contains("timed out")), run.out());
        }
    }
}
