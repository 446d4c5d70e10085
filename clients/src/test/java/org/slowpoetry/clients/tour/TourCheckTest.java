package org.slowpoetry.clients.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.trial.LeakCheck;

/**
 * {@code slowpoetry tour --check} as a test, so that CI runs it: every installed example, run and
 * compared with the expected output kept beside it, one test per example, named after it. Each
 * must also leave nothing behind: no thread, no selector, no socket ({@link LeakCheck}).
 */
@ExtendWith(LeakCheck.class)
class TourCheckTest {

    static Stream<Named<TourExample>> examples() {
        return TourExamples.all().stream().map(e -> Named.of(e.name(), e));
    }

    @BeforeAll
    static void startTheDeferredCleanerBeforeTheLeakBaseline() {
        // The JVM's one Deferred cleaner thread starts the first time a Deferred holds a Failure,
        // and stays; the first example to make one must not be blamed for it.
        Deferred.fail(new Exception("warm-up")).addErrback(failure -> null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    @Timeout(30)
    void printsWhatItsExpectedOutputSays(TourExample example) throws Exception {
        ExpectedOutput expected = TourExamples.expected(example)
                .orElseThrow(() -> new AssertionError("no tour/expected/" + example.name() + ".txt on the class path"));

        String output = run(example);

        expected.mismatch(output).ifPresent(difference ->
                fail(example.name() + ": " + difference + "\n--- its output:\n" + output));
    }

    @Test
    void everyExampleHasAUniqueCommandLineNameAndAOneLineSummary() {
        var seen = new HashSet<String>();
        for (TourExample e : TourExamples.all()) {
            assertTrue(seen.add(e.name()), "two examples are called " + e.name());
            assertTrue(e.name().matches("[a-z0-9]+(-[a-z0-9]+)*"), "not a command-line name: " + e.name());
            assertTrue(!e.summary().isBlank() && e.summary().lines().count() == 1,
                    e.name() + ": the listing needs a one-line summary, not '" + e.summary() + "'");
        }
    }

    @Test
    void everyLoomTwinIsNamedForAnInstalledOriginalInItsPart() {
        var all = TourExamples.all();
        for (TourExample twin : all) {
            twin.twinOf().ifPresent(original -> {
                assertEquals(original + "-loom", twin.name());
                var found = all.stream().filter(e -> e.name().equals(original)).findFirst();
                assertTrue(found.isPresent(), twin.name() + " is the twin of no installed example");
                assertEquals(found.get().part(), twin.part(), twin.name() + " is in its original's Part");
                assertTrue(found.get().twinOf().isEmpty(), twin.name() + " twins a twin");
            });
        }
    }

    @Test
    void theDeferredEraExamplesAreAllInstalled() {
        List<String> wanted = new ArrayList<>(List.of("failure-1", "failure-2", "defer-block", "defer-unhandled",
                "inline-callbacks-1", "inline-callbacks-2", "inline-callbacks-tb"));
        IntStream.rangeClosed(1, 11).forEach(n -> wanted.add("defer-" + n));
        IntStream.rangeClosed(1, 4).forEach(n -> wanted.add("gen-" + n));
        IntStream.rangeClosed(1, 7).forEach(n -> wanted.add("deferred-list-" + n));
        IntStream.rangeClosed(1, 12).forEach(n -> wanted.add("defer-cancel-" + n));
        wanted.addAll(List.of("defer-10-errback", "defer-11-fail", "defer-cancel-13")); // exercises 13.4, 14.1, 19.5

        List<String> installed = TourExamples.all().stream().map(TourExample::name).toList();

        assertEquals(List.of(), wanted.stream().filter(n -> !installed.contains(n)).toList(), "not installed");
    }

    private static String run(TourExample example) throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            example.run(out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
