package org.slowpoetry.clients.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The end of the demo: a table with each style's total, reads and poems and how its total compares
 * with the first style's, then one line naming the fastest. From a default run:
 *
 * <pre>
 * style         total  reads  poems   vs blocking
 * blocking  0:00:08.2    232  3 of 3
 * select    0:00:03.6    226  3 of 3  2.3x faster
 * loom      0:00:03.7    232  3 of 3  2.2x faster
 * erlang    0:00:03.5    232  3 of 3  2.3x faster
 *
 * fastest: erlang, 2.3x faster than blocking
 * </pre>
 *
 * <p><b>Threading:</b> stateless.
 */
final class TotalsTable {
    /** The column of {@link ThreadUse#ownOsThreads()} (and {@link ThreadUse#keptOsThreads()}). */
    static final String OS_THREADS = "OS threads";
    static final String OS_THREADS_MEANING = "the most alive at once in a run, less those before and kept after";

    private TotalsTable() {
    }

    static List<String> render(List<StyleRun> runs, Palette palette) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs");
        }
        StyleRun base = runs.getFirst();
        int nameWidth = Math.max("style".length(), runs.stream().mapToInt(r -> r.style().length()).max().orElse(0));
        String format = "%-" + nameWidth + "s  %9s  %5s  %-6s  %10s  %s";
        List<String> lines = new ArrayList<>();
        lines.add(palette.dim(String.format(format, "style", "total", "reads", "poems", OS_THREADS,
                runs.size() > 1 ? "vs " + base.style() : "").stripTrailing()));
        for (StyleRun run : runs) {
            String poems = run.poems() + " of " + run.outcomes().size();
            String row = String.format(format, run.style(), ShortDurations.format(run.recording().total()),
                    run.recording().reads(), poems, osThreads(run.threads()),
                    run == base ? "" : versus(run, base)).stripTrailing();
            lines.add(run.anyFailed() ? palette.error(row) : row);
        }
        lines.add("");
        lines.add(palette.bold(comparison(runs)));
        lines.addAll(threadsAgainstLoom(runs));
        lines.add(palette.dim(OS_THREADS + ": " + OS_THREADS_MEANING));
        return lines;
    }

    /**
     * What the threaded model's run cost in OS threads against the Loom run's, when both were run
     * (the first style of each model), and what the JDK kept for virtual threads if it started it
     * during the Loom run:
     * {@snippet lang = "text" :
     * threaded: 3 poems, 3 OS threads of its own (3 platform threads fetched)
     * loom:     3 poems, 0 OS threads of its own (3 virtual threads fetched)
     *           and 5 the JDK keeps for every virtual thread (carriers, poller)
     * }
     */
    static List<String> threadsAgainstLoom(List<StyleRun> runs) {
        List<StyleRun> pair = Stream.of(Model.THREADED, Model.LOOM)
                .flatMap(model -> runs.stream().filter(r -> Model.of(r.style()).equals(Optional.of(model))).limit(1))
                .toList();
        if (pair.size() < 2) {
            return List.of();
        }
        int width = pair.stream().mapToInt(r -> r.style().length()).max().orElseThrow() + 1;
        List<String> lines = new ArrayList<>();
        for (StyleRun run : pair) {
            ThreadUse used = run.threads();
            lines.add(String.format("%-" + width + "s %d %s, %d %s of its own (%s fetched)", run.style() + ":",
                    run.poems(), run.poems() == 1 ? "poem" : "poems", used.ownOsThreads(), OS_THREADS, used.workers()));
            if (used.keptOsThreads() > 0) {
                lines.add(" ".repeat(width) + " and " + used.keptOsThreads()
                        + " the JDK keeps for every virtual thread (carriers, poller)");
            }
        }
        return lines;
    }

    /** The {@link #OS_THREADS} column: {@code 3}, or {@code 0 +5 JDK} when the JDK kept some. */
    static String osThreads(ThreadUse used) {
        return used.ownOsThreads() + (used.keptOsThreads() == 0 ? "" : " +" + used.keptOsThreads() + " JDK");
    }

    /**
     * The last line: {@code fastest: loom, 2.3x faster than blocking}, or for a single style just
     * its total ({@code select 0:00:03.5}).
     */
    static String comparison(List<StyleRun> runs) {
        StyleRun base = runs.getFirst();
        if (runs.size() == 1) {
            return base.style() + " " + ShortDurations.format(base.recording().total());
        }
        StyleRun fastest = runs.stream().min(Comparator.comparing(r -> r.recording().total())).orElseThrow();
        return fastest == base
                ? "fastest: " + base.style() + ", " + ShortDurations.format(base.recording().total())
                : "fastest: " + fastest.style() + ", " + versus(fastest, base) + " than " + base.style();
    }

    /** {@code 2.3x faster} or {@code 1.4x slower}: {@code run}'s total against {@code base}'s. */
    static String versus(StyleRun run, StyleRun base) {
        double ratio = (double) base.recording().total().toNanos() / Math.max(1, run.recording().total().toNanos());
        return ratio >= 1
                ? String.format(Locale.ROOT, "%.1fx faster", ratio)
                : String.format(Locale.ROOT, "%.1fx slower", 1 / ratio);
    }
}
