package org.slowpoetry.clients.tour.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slowpoetry.clients.tour.ExpectedOutput;
import org.slowpoetry.clients.tour.TourExample;
import org.slowpoetry.clients.tour.TourExamples;
import org.slowpoetry.trial.LeakCheck;

/**
 * Part 3's programs, as {@code slowpoetry tour --check} runs them: each prints what its expected
 * output file says, ends by itself, and leaves no thread or selector behind.
 */
@ExtendWith(LeakCheck.class)
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ReactorTourTest {

    static Stream<TourExample> partThree() {
        return TourExamples.all().stream().filter(e -> e.part() == 3 && e.twinOf().isEmpty()); // the Loom twins: TourCheckTest
    }

    @Test
    void everyProgramOfPartThreeIsAnInstalledExampleWithExpectedOutput() {
        List<String> names = partThree().map(TourExample::name).sorted().toList();
        assertEquals(List.of("countdown", "countdown-counters", "countdown-looping", "exception", "hello",
                "simple", "simple-poll", "stack"), names);
        partThree().forEach(e -> assertTrue(TourExamples.expected(e).isPresent(), e.name() + " has no expected output"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("partThree")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void printsWhatItsExpectedOutputSays(TourExample example) throws Exception {
        String output = run(example);
        assertEquals(Optional.empty(), expected(example).mismatch(output),
                () -> example.name() + " printed:\n" + output);
    }

    @Test
    void theStackExampleMustShowTheReactorsRunAndLoopFrames() throws Exception {
        String output = run(new StackExample());
        assertEquals(Optional.empty(), expected(new StackExample()).mismatch(output));
        for (String frame : List.of("Reactor.run(", "Reactor.iterate(")) {
            String without = output.lines().filter(line -> !line.contains(frame))
                    .collect(Collectors.joining("\n", "", "\n"));
            assertTrue(expected(new StackExample()).mismatch(without).isPresent(),
                    "the expected stack must need the frame " + frame);
        }
    }

    @Test
    void theExceptionExampleShowsTheTracebackBeforeTheNextCallback() throws Exception {
        String output = run(new ExceptionExample());
        List<String> lines = output.lines().toList();
        int traceback = lines.indexOf("java.lang.RuntimeException: I fall down.");
        int upAgain = lines.indexOf("But I get up again.");
        assertTrue(traceback > 0 && upAgain > traceback, output);
        assertTrue(lines.subList(traceback, upAgain).stream().anyMatch(l -> l.contains("ExceptionExample.fallDown(")),
                output);
        String reordered = String.join("\n", lines.subList(0, traceback - 1)) + "\nBut I get up again.\n";
        assertTrue(expected(new ExceptionExample()).mismatch(reordered).isPresent(),
                "the expected output must need the traceback");
    }

    private static ExpectedOutput expected(TourExample example) {
        return TourExamples.expected(example).orElseThrow(() -> new AssertionError("no expected output for "
                + example.name()));
    }

    private static String run(TourExample example) throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            example.run(out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
