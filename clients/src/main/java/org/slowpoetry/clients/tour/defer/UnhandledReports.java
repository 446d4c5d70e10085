package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slowpoetry.defer.UnhandledErrors;

/**
 * Brings the "Unhandled error in Deferred:" report of an example's own Deferred into the example's
 * output (defer-unhandled, deferred-list-6, defer-cancel-1).
 *
 * {@snippet :
 * try (var reports = UnhandledReports.capture(getClass())) {
 *     program(out);                      // leaves a Deferred holding a Failure, then drops it
 *     reports.printWhenCollected(out);   // System.gc(), and the Cleaner's report
 * }
 * }
 *
 * <p>A Deferred left holding a Failure reports it when it is garbage collected (Part 9). CPython
 * frees an object the moment its last reference goes, so the text's programs print the report
 * right after their last line. The JVM collects when it likes; so the example asks it to, with
 * {@link System#gc()}, and waits (at most {@link #LIMIT}) for the Deferred's cleaner to report.
 *
 * <p>Reports normally go to the log (stderr); while this is open they come here through
 * {@link UnhandledErrors#observe}. Reports about other Deferreds than the example's (found by the
 * example's class in the traceback) go on to the previous destination.
 *
 * <p><b>Threading:</b> open, wait and close on the example's thread; reports arrive on the
 * Deferred cleaner's thread through a {@link BlockingQueue}. One capture at a time in the JVM
 * (examples run one at a time).
 */
final class UnhandledReports implements AutoCloseable {

    /** How long to wait for the report: a collection or two, normally milliseconds. */
    static final Duration LIMIT = Duration.ofSeconds(5);

    private final UnhandledErrors.Observation observation;
    /** Written by the cleaner thread, read by the example's thread. */
    private final BlockingQueue<String> ours = new LinkedBlockingQueue<>();

    private UnhandledReports(String frame) {
        Consumer<String> previous = UnhandledErrors.current();
        this.observation = UnhandledErrors.observe(report -> {
            if (report.contains(frame + ".") || report.contains(frame + "$")) {
                ours.add(report);
            } else {
                previous.accept(report);
            }
        });
    }

    /** Starts sending reports whose traceback mentions {@code example}'s code here. */
    static UnhandledReports capture(Class<?> example) {
        return new UnhandledReports("at " + example.getName());
    }

    /**
     * Asks the JVM to collect garbage until the example's report comes (at most {@link #LIMIT}),
     * and prints it to {@code out}, or says that none came.
     */
    void printWhenCollected(PrintStream out) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        String report = null;
        while (report == null && System.nanoTime() - deadline < 0) {
            System.gc();
            report = ours.poll(50, TimeUnit.MILLISECONDS);
        }
        if (report == null) {
            out.println("(no unhandled-error report within " + LIMIT.toSeconds() + " s)");
        } else {
            out.print(report.endsWith("\n") ? report : report + "\n");
        }
    }

    /** Sends reports to where they went before. */
    @Override
    public void close() {
        observation.close();
    }
}
