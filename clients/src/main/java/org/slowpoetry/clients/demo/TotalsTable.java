package org.slowpoetry.clients.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

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
    private TotalsTable() {
    }

    static List<String> render(List<StyleRun> runs, Palette palette) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs");
        }
        StyleRun base = runs.getFirst();
        int nameWidth = Math.max("style".length(), runs.stream().mapToInt(r -> r.style().length()).max().orElse(0));
        String format = "%-" + nameWidth + "s  %9s  %5s  %-6s  %s";
        List<String> lines = new ArrayList<>();
        lines.add(palette.dim(String.format(format, "style", "total", "reads", "poems",
                runs.size() > 1 ? "vs " + base.style() : "").stripTrailing()));
        for (StyleRun run : runs) {
            String poems = run.poems() + " of " + run.outcomes().size();
            String row = String.format(format, run.style(), ShortDurations.format(run.recording().total()),
                    run.recording().reads(), poems, run == base ? "" : versus(run, base)).stripTrailing();
            lines.add(run.anyFailed() ? palette.error(row) : row);
        }
        lines.add("");
        lines.add(palette.bold(comparison(runs)));
        return lines;
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
