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
import org.slowpoetry.cli.ExitCodes;
import org.slowpoetry.cli.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code slowpoetry tour}: lists the text's small examples, runs them, and checks their output.
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
        if (loom) {
            listTwins(all);
            return ExitCodes.OK;
        }
        if (names.isEmpty() && !check) {
            list(all);
            return ExitCodes.OK;
        }
        List<TourExample> chosen = names.isEmpty() ? all : names.stream().map(n -> find(all, n)).toList();
        return check ? check(chosen) : run(chosen);
    }

    private static void list(List<TourExample> all) {
        if (all.isEmpty()) {
            System.out.println("No examples are installed.");
            return;
        }
        int width = all.stream().mapToInt(e -> e.name().length()).max().orElse(0);
        int part = -1;
        for (TourExample e : all) {
            if (e.part() != part) {
                part = e.part();
                System.out.println((part == all.getFirst().part() ? "" : "\n") + "Part " + part + ":");
            }
            System.out.printf("  %-" + width + "s  %s%n", e.name(), e.summary());
        }
        System.out.println("\nRun one with: slowpoetry tour NAME");
    }

    /** {@code tour --loom}: each original with its Loom twin, by Part; then the count. */
    private static void listTwins(List<TourExample> all) {
        Map<String, TourExample> byName = all.stream().collect(Collectors.toMap(TourExample::name, e -> e));
        List<TourExample> twins = all.stream().filter(e -> e.twinOf().isPresent())
                .sorted(Comparator.comparingInt(TourExample::part)
                        .thenComparing(t -> t.twinOf().orElseThrow(), TourExamples::natural))
                .toList();
        if (twins.isEmpty()) {
            System.out.println("No Loom twins are installed.");
            return;
        }
        int width = twins.stream().mapToInt(t -> t.twinOf().orElseThrow().length()).max().orElse(0);
        int twinWidth = twins.stream().mapToInt(t -> t.name().length()).max().orElse(0);
        System.out.printf("  %-" + width + "s  %-" + twinWidth + "s  %s%n", "original", "Loom twin", "what the twin shows");
        int part = -1;
        for (TourExample twin : twins) {
            if (twin.part() != part) {
                part = twin.part();
                System.out.println("Part " + part + ":");
            }
            String original = twin.twinOf().orElseThrow();
            System.out.printf("  %-" + width + "s  %-" + twinWidth + "s  %s%n",
                    byName.containsKey(original) ? original : original + "?", twin.name(), twin.summary());
        }
        System.out.println("\n" + twins.size() + " twins. Run a pair with: slowpoetry tour ORIGINAL TWIN");
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

    private static int run(List<TourExample> chosen) {
        for (TourExample e : chosen) {
            if (chosen.size() > 1) {
                System.out.println("== " + e.name() + " (Part " + e.part() + ")");
            }
            try {
                e.run(System.out);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return ExitCodes.INTERNAL;
            } catch (Exception ex) {
                throw new IllegalStateException("example " + e.name() + " failed: " + ex, ex);
            }
            System.out.flush();
        }
        return ExitCodes.OK;
    }

    private static int check(List<TourExample> chosen) {
        int failed = 0;
        int unchecked = 0;
        for (TourExample e : chosen) {
            Optional<ExpectedOutput> expected = TourExamples.expected(e);
            if (expected.isEmpty()) {
                System.out.println("skip " + e.name() + ": no expected output kept for it");
                unchecked++;
                continue;
            }
            Optional<String> verdict = expected.get().mismatch(runCaptured(e));
            if (verdict.isEmpty()) {
                System.out.println("ok   " + e.name());
            } else {
                System.out.println("FAIL " + e.name() + ": " + verdict.get());
                failed++;
            }
        }
        System.out.println((chosen.size() - failed - unchecked) + " passed, " + failed + " failed"
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
