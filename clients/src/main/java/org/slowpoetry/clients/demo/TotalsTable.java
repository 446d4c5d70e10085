package org.slowpoetry.clients.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The end of the demo: a table with each style's total, reads and poems, then the line (two lines,
 * for more than two styles) comparing every style with the first
 * ({@code blocking 0:00:23.1  select 0:00:10.2  select is 2.3x faster}).
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
        int nameWidth = Math.max("style".length(), runs.stream().mapToInt(r -> r.style().length()).max().orElse(0));
        String format = "%-" + nameWidth + "s  %9s  %5s  %s";
        List<String> lines = new ArrayList<>();
        lines.add(palette.dim(String.format(format, "style", "total", "reads", "poems")));
        for (StyleRun run : runs) {
            String poems = run.poems() + " of " + run.outcomes().size();
            String row = String.format(format, run.style(), ShortDurations.format(run.recording().total()),
                    run.recording().reads(), poems);
            lines.add(run.anyFailed() ? palette.error(row) : row);
        }
        lines.add("");
        comparisonLines(runs).forEach(line -> lines.add(palette.bold(line)));
        return lines;
    }

    /**
     * The comparison: on one line for two styles ({@link #comparison}); for more, which would not fit
     * in 80 columns, the totals on one line and the verdicts on the next:
     * {@code blocking 0:00:23.1  select 0:00:10.2  reactor 0:00:10.3} then
     * {@code select is 2.3x faster, reactor is 2.2x faster}.
     */
    static List<String> comparisonLines(List<StyleRun> runs) {
        if (runs.size() <= 2) {
            return List.of(comparison(runs));
        }
        return List.of(totals(runs).strip(), verdicts(runs));
    }

    /** {@code blocking 0:00:23.1  select 0:00:10.2  select is 2.3x faster}. */
    static String comparison(List<StyleRun> runs) {
        return (totals(runs) + verdicts(runs)).strip();
    }

    private static String totals(List<StyleRun> runs) {
        StringBuilder line = new StringBuilder();
        for (StyleRun run : runs) {
            line.append(run.style()).append(' ').append(ShortDurations.format(run.recording().total())).append("  ");
        }
        return line.toString();
    }

    private static String verdicts(List<StyleRun> runs) {
        StyleRun base = runs.getFirst();
        List<String> verdicts = new ArrayList<>();
        for (StyleRun run : runs.subList(1, runs.size())) {
            double ratio = (double) base.recording().total().toNanos() / Math.max(1, run.recording().total().toNanos());
            verdicts.add(ratio >= 1
                    ? run.style() + " is " + String.format(Locale.ROOT, "%.1f", ratio) + "x faster"
                    : run.style() + " is " + String.format(Locale.ROOT, "%.1f", 1 / ratio) + "x slower");
        }
        return String.join(", ", verdicts);
    }
}
