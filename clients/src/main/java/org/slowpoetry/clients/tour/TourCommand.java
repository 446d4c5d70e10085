package org.slowpoetry.clients.tour;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.slowpoetry.cli.CheckedOutput;
import org.slowpoetry.cli.ExitCodes;
import org.slowpoetry.cli.UserException;
import org.slowpoetry.clients.WriterOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code slowpoetry tour}: lists the text's small examples, runs them, and checks their output.
 *
 * <p>It prints to the command line's stdout; when that fails (a closed pipe:
 * {@code tour --check | head -1}) the example running is interrupted and no other is started.
 *
 * <p><b>Threading:</b> picocli runs it on the main thread; examples run one at a time on it.
 */
@Command(
        name = "tour",
        mixinStandardHelpOptions = true,
        description = {
            "The text's small example programs, by Part. With no NAME, lists them.",
            "  slowpoetry tour                 list the examples",
            "  slowpoetry tour simple defer-1  run these",
            "  slowpoetry tour --check         run all and compare with the expected output",
            "  slowpoetry tour --loom          list the Loom twins beside their originals"
        })
public final class TourCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--check", description = "Run the examples (all, or those named) and compare each"
            + " output with the expected lines kept beside it; exit 1 on any difference.")
    boolean check;

    @Option(names = "--loom", description = "List each example that has a Loom twin beside its twin.")
    boolean loom;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Examples to run.")
    List<String> names = new ArrayList<>();

    @Override
    public Integer call() {
        List<TourExample> all = TourExamples.all();
        CheckedOutput.interruptOnFault(spec.commandLine().getOut());
        PrintStream out = WriterOutputStream.printStream(spec.commandLine().getOut());
        if (loom) {
            listTwins(all, out);
            return ExitCodes.OK;
        }
        if (names.isEmpty() && !check) {
            list(all, out);
            return ExitCodes.OK;
        }
        List<TourExample> chosen = names.isEmpty() ? all : names.stream().map(n -> find(all, n)).toList();
        return check ? check(chosen, out) : run(chosen, out);
    }

    private static void list(List<TourExample> all, PrintStream out) {
        if (all.isEmpty()) {
            out.println("No examples are installed.");
            return;
        }
        int width = all.stream().mapToInt(e -> e.name().length()).max().orElse(0);
        int part = -1;
        for (TourExample e : all) {
            if (e.part() != part) {
                part = e.part();
                out.println((part == all.getFirst().part() ? "" : "\n") + "Part " + part + ":");
            }
            out.printf("  %-" + width + "s  %s%n", e.name(), e.summary());
        }
        out.println("\nRun one with: slowpoetry tour NAME");
    }

    /** {@code tour --loom}: each original with its Loom twin, by Part; then the count. */
    private static void listTwins(List<TourExample> all, PrintStream out) {
        Map<String, TourExample> byName = all.stream().collect(Collectors.toMap(TourExample::name, e -> e));
        List<TourExample> twins = all.stream().filter(e -> e.twinOf().isPresent())
                .sorted(Comparator.comparingInt(TourExample::part)
                        .thenComparing(t -> t.twinOf().orElseThrow(), TourExamples::natural))
                .toList();
        if (twins.isEmpty()) {
            out.println("No Loom twins are installed.");
            return;
        }
        int width = twins.stream().mapToInt(t -> t.twinOf().orElseThrow().length()).max().orElse(0);
        int twinWidth = twins.stream().mapToInt(t -> t.name().length()).max().orElse(0);
        out.printf("  %-" + width + "s  %-" + twinWidth + "s  %s%n", "original", "Loom twin", "what the twin shows");
        int part = -1;
        for (TourExample twin : twins) {
            if (twin.part() != part) {
                part = twin.part();
                out.println("Part " + part + ":");
            }
            String original = twin.twinOf().orElseThrow();
            out.printf("  %-" + width + "s  %-" + twinWidth + "s  %s%n",
                    byName.containsKey(original) ? original : original + "?", twin.name(), twin.summary());
        }
        out.println("\n" + twins.size() + " twins. Run a pair with: slowpoetry tour ORIGINAL TWIN");
    }

    private static TourExample find(List<TourExample> all, String name) {
        return all.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow(() -> {
            String near = all.stream().map(TourExample::name)
                    .filter(n -> n.startsWith(name.split("-")[0]))
                    .collect(Collectors.joining(", "));
            return new UserException("no example named '" + name + "'"
                    + (near.isEmpty() ? "; 'slowpoetry tour' lists them" : "; did you mean: " + near));
        });
    }

    private static int run(List<TourExample> chosen, PrintStream out) {
        for (TourExample e : chosen) {
            if (Thread.currentThread().isInterrupted()) {
                return ExitCodes.INTERNAL; // the output failed: Main reports that
            }
            if (chosen.size() > 1) {
                out.println("== " + e.name() + " (Part " + e.part() + ")");
            }
            try {
                e.run(out);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return ExitCodes.INTERNAL;
            } catch (Exception ex) {
                throw new IllegalStateException("example " + e.name() + " failed: " + ex, ex);
            }
            out.flush();
        }
        return ExitCodes.OK;
    }

    private static int check(List<TourExample> chosen, PrintStream out) {
        int failed = 0;
        int unchecked = 0;
        for (TourExample e : chosen) {
            if (Thread.currentThread().isInterrupted()) {
                return ExitCodes.INTERNAL; // the output failed: Main reports that
            }
            Optional<ExpectedOutput> expected = TourExamples.expected(e);
            if (expected.isEmpty()) {
                out.println("skip " + e.name() + ": no expected output kept for it");
                unchecked++;
                continue;
            }
            Optional<String> verdict = expected.get().mismatch(runCaptured(e));
            if (verdict.isEmpty()) {
                out.println("ok   " + e.name());
            } else {
                out.println("FAIL " + e.name() + ": " + verdict.get());
                failed++;
            }
        }
        out.println((chosen.size() - failed - unchecked) + " passed, " + failed + " failed"
                + (unchecked == 0 ? "" : ", " + unchecked + " skipped"));
        return failed == 0 ? ExitCodes.OK : ExitCodes.SOME_FAILED;
    }

    /** What the example printed; an exception it threw ends the output with a line that will not match. */
    private static String runCaptured(TourExample e) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            try {
                e.run(out);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                out.println("interrupted");
            } catch (Exception ex) {
                out.println("example threw " + ex);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
