package org.slowpoetry.clients.reactor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slowpoetry.cli.ExitCodes;
import org.slowpoetry.clients.ClientStyles;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.clients.reactor.ReactorTesting.Captured;
import org.slowpoetry.clients.reactor.ReactorTesting.Cli;
import org.slowpoetry.fetch.FetchFailure;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.trial.LeakCheck;

/**
 * Part 10's flaky transformation, made repeatable with {@code --seed}: each task has its own seeded
 * luck, so a seed gives the same outcome per task whatever order the poems arrive in. Seed 4 gives
 * task 1 a cummingsified poem, task 2 a GibberishError and task 3 the cummingsifier's bug, in the
 * reactor versions and in their Loom versions alike.
 */
@ExtendWith(LeakCheck.class)
@Timeout(20)
class CummingsifyClientsTest {
    /** Task 1 transformed, task 2 gibberish, task 3 the bug. */
    private static final long MIXED = 4;
    /** Every task transformed. */
    private static final long ALL_FINE = 34;

    private final byte[] a = ReactorTesting.poem("a", 4);
    private final byte[] b = ReactorTesting.poem("b", 3);
    private final byte[] c = ReactorTesting.poem("c", 5);

    @BeforeAll
    static void warmUp() {
        ReactorTesting.warmUp();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cummingsify", "cummingsify-5.1", "cummingsify-loom", "cummingsify-5.1-loom"})
    void aSeedGivesTheSameMixOfTransformedFailedAndOriginalPoemsEveryTime(String style) throws Exception {
        try (var s1 = server(a); var s2 = server(b); var s3 = server(c)) {
            List<Address> addresses = List.of(ReactorTesting.address(s1), ReactorTesting.address(s2),
                    ReactorTesting.address(s3));
            for (int run = 0; run < 2; run++) {
                Captured captured = ReactorTesting.capture(ReactorTesting.withSeed(MIXED));
                List<TaskOutcome> outcomes = ClientStyles.find(style).fetch(addresses, captured.run());

                assertArrayEquals(lower(a), assertInstanceOf(TaskOutcome.Fetched.class, outcomes.get(0)).poem());
                assertEquals(new FetchFailure.Rejected(addresses.get(1), b.length, "the input is not a genuine poem"),
                        assertInstanceOf(TaskOutcome.Failed.class, outcomes.get(1)).failure());
                assertArrayEquals(c, assertInstanceOf(TaskOutcome.Fetched.class, outcomes.get(2)).poem(),
                        "the bug: the original poem");
                assertEquals(List.of("Cummingsify rejected the poem from " + addresses.get(1)
                        + ": the input is not a genuine poem"), captured.err(), "run " + run);
                String out = captured.outText();
                assertTrue(out.contains("Cummingsify failed!\n" + text(c)), "5.x: the line, then the original: " + out);
                assertTrue(out.contains(text(lower(a))), out);
                assertEquals(List.of("Cummingsify failed!"),
                        captured.out().stream().filter(l -> !l.isEmpty() && !l.startsWith("Poem ") && !l.startsWith("poem ")).toList());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cummingsify", "cummingsify-5.1", "cummingsify-loom", "cummingsify-5.1-loom"})
    void withALuckySeedEveryPoemIsCummingsified(String style) throws Exception {
        try (var s1 = server(a); var s2 = server(b); var s3 = server(c)) {
            Captured captured = ReactorTesting.capture(ReactorTesting.withSeed(ALL_FINE));
            List<TaskOutcome> outcomes = ClientStyles.find(style).fetch(List.of(ReactorTesting.address(s1),
                    ReactorTesting.address(s2), ReactorTesting.address(s3)), captured.run());

            for (int i = 0; i < 3; i++) {
                assertArrayEquals(lower(List.of(a, b, c).get(i)),
                        assertInstanceOf(TaskOutcome.Fetched.class, outcomes.get(i)).poem());
            }
            assertEquals(List.of(), captured.err());
            assertEquals(4 + 3 + 5, captured.out().stream().filter(l -> l.startsWith("poem ")).count(),
                    "the three poems, each once: " + captured.out());
        }
    }

    @Test
    void getPrintsTheTransformedAndTheOriginalPoemsOnStdoutAndExitsOneForTheGibberish() throws Exception {
        try (var s1 = server(a); var s2 = server(b); var s3 = server(c)) {
            Cli run = Cli.run("get", "--style", "cummingsify", "--seed", "" + MIXED,
                    ReactorTesting.address(s1).toString(), ReactorTesting.address(s2).toString(),
                    ReactorTesting.address(s3).toString());

            assertEquals(ExitCodes.SOME_FAILED, run.exitCode(), run.err());
            assertTrue(run.out().contains(text(lower(a))), run.out());
            assertTrue(run.out().contains("Cummingsify failed!\n" + text(c)), run.out());
            assertTrue(run.err().contains("Cummingsify rejected the poem from " + ReactorTesting.address(s2)
                    + ": the input is not a genuine poem\n"), "the download worked: " + run.err());
            assertFalse(run.err().contains("The poem download failed."), run.err());
            assertTrue(run.err().contains("Got 2 poems in "), "the summary is ours: stderr " + run.err());
            assertTrue(!run.out().contains("Got "), run.out());
        }
    }

    /** The poem as {@code print poem} writes it: its text and a newline. */
    private static String text(byte[] poem) {
        return new String(poem, StandardCharsets.US_ASCII) + "\n";
    }

    private static PoetryServer server(byte[] poem) {
        return ReactorTesting.server("loom", poem, 20, Duration.ofMillis(1));
    }

    private static byte[] lower(byte[] poem) {
        return new String(poem, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    }
}
