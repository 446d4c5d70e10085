package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

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
 * <p>Reports normally go to the log (stderr). {@code org.slowpoetry.defer} keeps their
 * destination in a package-private field that its own tests replace, and has no public way to
 * observe them yet; until it has, this class swaps that field, by reflection, for as long as it
 * is open. Reports about other Deferreds than the example's (found by the example's class in the
 * traceback) go on to the previous destination.
 *
 * <p><b>Threading:</b> open, wait and close on the example's thread; reports arrive on the
 * Deferred cleaner's thread through a {@link BlockingQueue}. One capture at a time in the JVM
 * (examples run one at a time).
 */
final class UnhandledReports implements AutoCloseable {

    /** How long to wait for the report: a collection or two, normally milliseconds. */
    static final Duration LIMIT = Duration.ofSeconds(5);

    private static final String HOLDER = "org.slowpoetry.defer.UnhandledFailure";
    private static final String SINK = "sink";

    private final Field sink;
    private final Consumer<String> previous;
    /** Written by the cleaner thread, read by the example's thread. */
    private final BlockingQueue<String> ours = new LinkedBlockingQueue<>();

    private UnhandledReports(Field sink, Consumer<String> previous) {
        this.sink = sink;
        this.previous = previous;
    }

    /** Starts sending reports whose traceback mentions {@code example}'s code here. */
    static UnhandledReports capture(Class<?> example) {
        String frame = "at " + example.getName();
        try {
            Field sink = Class.forName(HOLDER).getDeclaredField(SINK);
            sink.setAccessible(true);
            @SuppressWarnings("unchecked")
            Consumer<String> previous = (Consumer<String>) sink.get(null);
            UnhandledReports reports = new UnhandledReports(sink, previous);
            Consumer<String> router = report -> {
                if (report.contains(frame + ".") || report.contains(frame + "$")) {
                    reports.ours.add(report);
                } else {
                    previous.accept(report);
                }
            };
            sink.set(null, router);
            return reports;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot observe unhandled-error reports: " + HOLDER + "." + SINK
                    + " has changed; update " + UnhandledReports.class.getSimpleName(), e);
        }
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
        try {
            sink.set(null, previous);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot restore " + HOLDER + "." + SINK, e);
        }
    }
}
