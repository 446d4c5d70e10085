package org.slowpoetry.bench.load;

import java.io.PrintStream;

/**
 * The progress bar {@code bench load} draws on standard error: steps done, the current step, time
 * spent and an estimate of the time left. On a terminal it redraws one line; elsewhere (a CI log)
 * it prints one line per step.
 *
 * <p><b>Threading:</b> the harness's thread only.
 */
final class Progress {
    private static final int WIDTH = 24;

    private final PrintStream err;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    /** The harness thread's: steps planned and done. */
    private int total;
    private int done;
    private boolean lineOpen;

    Progress(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** Whether standard error looks like a terminal (Java 22+: {@code Console.isTerminal}). */
    static boolean stderrIsTerminal() {
        var console = System.console();
        return console != null && console.isTerminal();
    }

    void plan(int steps) {
        total = steps;
    }

    /** Shows that {@code label} is being done. */
    void step(String label) {
        long elapsed = (System.nanoTime() - startNanos) / 1_000_000_000L;
        String eta = done == 0 ? "?" : clock(elapsed * (total - done) / done);
        int filled = total == 0 ? 0 : WIDTH * done / total;
        String line = String.format("[%s%s] %d/%d %s  %s elapsed, ~%s left", "#".repeat(filled),
                ".".repeat(WIDTH - filled), done, total, label, clock(elapsed), eta);
        if (terminal) {
            err.print("\r\033[2K" + line);
            lineOpen = true;
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** The step shown last is done. */
    void done() {
        done++;
    }

    /** Prints a line of its own (a skip, a cap, a failure) without breaking the bar. */
    void note(String text) {
        clearLine();
        err.println(text);
        err.flush();
    }

    /** Ends the bar's line. */
    void finish() {
        clearLine();
        err.println(String.format("done: %d runs in %s", done, clock((System.nanoTime() - startNanos) / 1_000_000_000L)));
        err.flush();
    }

    private void clearLine() {
        if (lineOpen) {
            err.print("\r\033[2K");
            lineOpen = false;
        }
    }

    private static String clock(long seconds) {
        return String.format("%d:%02d", seconds / 60, seconds % 60);
    }
}
