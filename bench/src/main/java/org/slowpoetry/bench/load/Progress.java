package org.slowpoetry.bench.load;

import java.util.Objects;
import org.slowpoetry.cli.StatusLine;

/**
 * The progress bar {@code bench load} draws on standard error: steps done, the current step, time
 * spent and an estimate of the time left. On a terminal (a live {@link StatusLine}) it redraws one
 * line; elsewhere (a CI log) it prints one line per step.
 *
 * <p><b>Threading:</b> the harness's thread only.
 */
final class Progress {
    private static final int WIDTH = 24;

    private final StatusLine status;
    private final long startNanos = System.nanoTime();
    /** The harness thread's: steps planned and done. */
    private int total;
    private int done;

    /** @param status where the bar is drawn (the caller's, which closes it) */
    Progress(StatusLine status) {
        this.status = Objects.requireNonNull(status, "status");
    }

    void plan(int steps) {
        total = steps;
    }

    /** Shows that {@code label} is being done. */
    void step(String label) {
        long elapsed = (System.nanoTime() - startNanos) / 1_000_000_000L;
        String eta = done == 0 ? "?" : clock(elapsed * (total - done) / done);
        int filled = total == 0 ? 0 : WIDTH * done / total;
        status.show(String.format("[%s%s] %d/%d %s  %s elapsed, ~%s left", "#".repeat(filled),
                ".".repeat(WIDTH - filled), done, total, label, clock(elapsed), eta));
    }

    /** The step shown last is done. */
    void done() {
        done++;
    }

    /** Prints a line of its own (a skip, a cap, a failure) without breaking the bar. */
    void note(String text) {
        status.println(text);
    }

    /** Ends the bar's line. */
    void finish() {
        status.println(String.format("done: %d runs in %s", done, clock((System.nanoTime() - startNanos) / 1_000_000_000L)));
    }

    private static String clock(long seconds) {
        return String.format("%d:%02d", seconds / 60, seconds % 60);
    }
}
