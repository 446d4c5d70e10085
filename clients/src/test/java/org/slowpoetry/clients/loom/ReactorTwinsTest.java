package org.slowpoetry.clients.loom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slowpoetry.clients.ClientStyles;
import org.slowpoetry.clients.GetOptions;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.clients.TaskListener;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.clients.TestTransformServer;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.trial.LeakCheck;

/**
 * The Loom versions of clients 3.0 to 8.0 print what their reactor twins print: against the same
 * servers, the same stdout to the byte and the same stderr, and end every task the same way. The
 * servers are paced so that the poems complete in an order far from the address order (the
 * refused one at once, then the shortest, then the longest), which both the "after all are done"
 * and the "as each completes" rules must keep. For the flaky cummingsifier, one {@code --seed}
 * gives each task the same luck in both.
 */
@ExtendWith(LeakCheck.class)
@Timeout(60)
class ReactorTwinsTest {
    /** Slow enough that the poems' completions lie 100 ms and more apart. */
    private static final Duration PACE = Duration.ofMillis(20); // completions 80 ms and more apart: the order is certain
    /** Task 1 transformed, task 2 gibberish, task 3 the cummingsifier's bug (see CummingsifyClientsTest). */
    private static final long MIXED = 4;

    @AutoClose
    private final TestTransformServer xform = TestTransformServer.start();

    @BeforeAll
    static void warmUp() throws InterruptedException {
        JdkThreads.warmUp();
        Deferred.fail(new Exception("warm-up")).addErrback(failure -> null); // the Deferreds' cleaner thread
    }

    /** What one fetch printed, and how its tasks ended. */
    private record Printed(String out, String err, List<String> outcomes) {
    }

    /** Every registered twin, beside the reactor style it is the twin of. */
    static Stream<Arguments> twins() {
        return ClientStyles.all().stream()
                .filter(style -> style instanceof ReactorClientTwin)
                .map(style -> Arguments.of(((ReactorClientTwin) style).twinOf(), style.name()));
    }

    @Test
    void everyReactorClientFrom3To8ButTheTransformOneHasATwinNamedAfterIt() {
        assertEquals(Set.of("callbacks", "errbacks", "deferred", "cummingsify", "cummingsify-5.1", "inline", "deferred-list"),
                twins().map(pair -> (String) pair.get()[0]).collect(Collectors.toSet()));
        twins().forEach(pair -> assertEquals(pair.get()[0] + "-loom", pair.get()[1]));
    }

    @ParameterizedTest(name = "{1} prints what {0} prints")
    @MethodSource("twins")
    void aLoomVersionPrintsWhatItsReactorTwinPrints(String reactor, String loom) throws Exception {
        GetOptions options = withSeed(MIXED).withTransform(Optional.of(xform.address()), GetOptions.DEFAULT_XFORM);
        try (var late = server("late", 14); var early = server("early", 2); var middle = server("middle", 6)) {
            // Task 4 fails at once; then task 2, task 3 and task 1 complete, in that order.
            List<Address> addresses = List.of(Servers.address(late), Servers.address(early), Servers.address(middle),
                    Servers.refusingAddress());

            Printed twin = fetch(reactor, addresses, options);
            Printed ours = fetch(loom, addresses, options);

            assertEquals(twin.out(), ours.out(), "stdout");
            assertEquals(twin.err(), ours.err(), "stderr");
            assertEquals(twin.outcomes(), ours.outcomes());
            assertTrue(ours.outcomes().getLast().startsWith("failed "), ours.outcomes().toString());
            assertTrue(ours.out().toLowerCase(Locale.ROOT).endsWith(text("late", 14).toLowerCase(Locale.ROOT) + "\n"),
                    "the longest poem, of task 1, completes last: " + ours.out());
        }
    }

    @ParameterizedTest(name = "{0}: a failing transform, as in 7.0 and 8.0")
    @ValueSource(strings = {"inline", "deferred-list"})
    void aFailedTransformIsToldAsInTheTwin(String reactor) throws Exception {
        GetOptions options = GetOptions.defaults().withTransform(Optional.of(xform.address()), TestTransformServer.FAILING);
        try (var late = server("late", 6); var early = server("early", 2)) {
            List<Address> addresses = List.of(Servers.address(late), Servers.address(early));

            Printed twin = fetch(reactor, addresses, options);
            Printed ours = fetch(reactor + "-loom", addresses, options);

            assertEquals(twin.out(), ours.out(), "stdout");
            assertEquals("Cummingsify failed!\nCummingsify failed!\n", ours.err());
            assertEquals(twin.err(), ours.err(), "stderr");
        }
    }

    @ParameterizedTest(name = "{1} has the luck of {0} for every seed")
    @CsvSource({"cummingsify, cummingsify-loom", "cummingsify-5.1, cummingsify-5.1-loom"})
    void aSeedGivesEachTaskTheSameLuckAsInTheTwin(String reactor, String loom) throws Exception {
        Set<String> seen = new HashSet<>();
        try (var s1 = server("one", 2); var s2 = server("two", 1); var s3 = server("three", 3)) {
            List<Address> addresses = List.of(Servers.address(s1), Servers.address(s2), Servers.address(s3));
            for (long seed = 0; seed < 6; seed++) {
                List<String> twin = fetch(reactor, addresses, withSeed(seed)).outcomes();
                List<String> ours = fetch(loom, addresses, withSeed(seed)).outcomes();

                assertEquals(twin, ours, "--seed " + seed);
                ours.forEach(outcome -> seen.add(outcome.substring(0, outcome.indexOf(' '))));
            }
        }
        assertEquals(Set.of("poem", "failed"), seen, "the seeds tried give poems and failures alike");
    }

    @Test
    void theSameSeedGivesTheSameOutputOnEveryRun() throws Exception {
        try (var late = server("late", 6); var early = server("early", 2); var middle = server("middle", 4)) {
            List<Address> addresses = List.of(Servers.address(late), Servers.address(early), Servers.address(middle));
            Printed first = fetch("cummingsify-5.1-loom", addresses, withSeed(MIXED));
            Printed second = fetch("cummingsify-5.1-loom", addresses, withSeed(MIXED));

            assertEquals(first, second);
            assertTrue(first.out().contains("Cummingsify failed!\n" + text("middle", 4)), first.out());
        }
    }

    private static Printed fetch(String style, List<Address> addresses, GetOptions options) throws Exception {
        Captured captured = new Captured();
        List<TaskOutcome> outcomes = ClientStyles.find(style).fetch(addresses, captured.run(options, TaskListener.none()));
        return new Printed(captured.text(), captured.errText(), outcomes.stream().map(ReactorTwinsTest::describe).toList());
    }

    /** An outcome without its timing: the poem, or why there is none. */
    private static String describe(TaskOutcome outcome) {
        return switch (outcome) {
            case TaskOutcome.Fetched fetched -> "poem " + fetched.task() + ": " + new String(fetched.poem(), StandardCharsets.UTF_8);
            case TaskOutcome.Failed failed -> "failed " + failed.task() + ": " + PoetryLines.reason(failed.failure());
        };
    }

    private static GetOptions withSeed(long seed) {
        GetOptions d = GetOptions.defaults();
        return new GetOptions(d.fetch(), false, false, false, false, 0, OptionalLong.of(seed), false, d.selector());
    }

    private static PoetryServer server(String name, int lines) {
        return Servers.slow(text(name, lines).getBytes(StandardCharsets.US_ASCII), 20, PACE);
    }

    /** {@code lines} lines with capitals, for cummingsify to lower. */
    private static String text(String name, int lines) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= lines; i++) {
            text.append("Poem ").append(name).append(", Line ").append(i).append(": Slowly The Bytes Arrive\n");
        }
        return text.toString();
    }
}
