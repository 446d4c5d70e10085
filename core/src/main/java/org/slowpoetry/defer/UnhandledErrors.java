package org.slowpoetry.defer;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where "Unhandled error in Deferred:" reports go. A Deferred garbage-collected while it still
 * holds a {@link Failure} reports it (Part 9); by default the report is logged through slf4j at
 * error level, as Twisted logs it. {@link #observe} sends the reports somewhere else for a while:
 * a tour example prints them with its output, a test collects them.
 *
 * {@snippet :
 * var reports = new LinkedBlockingQueue<String>();
 * try (var observing = UnhandledErrors.observe(reports::add)) {
 *     Deferred.fail(new IllegalStateException("nobody listens"));   // dropped at once
 *     System.gc();
 *     String report = reports.poll(5, TimeUnit.SECONDS);
 * }   // reports go to the log again
 * }
 *
 * <p><b>Threading:</b> reports are delivered on the Deferred cleaner's thread, so an observer must
 * be thread-safe. {@link #observe} and {@link Observation#close()} may be called from any thread;
 * observations nest (each close restores what was there when it was opened), and they are meant
 * to be opened and closed by one thread at a time.
 */
public final class UnhandledErrors {
    private UnhandledErrors() {
    }

    /** An observation in force until closed. */
    public interface Observation extends AutoCloseable {
        /** Sends reports back to where they went before {@link #observe}. */
        @Override
        void close();
    }

    /**
     * Sends every report to {@code observer} until the returned observation is closed.
     *
     * @throws NullPointerException if {@code observer} is null
     */
    public static Observation observe(Consumer<String> observer) {
        Objects.requireNonNull(observer, "observer");
        Consumer<String> previous = UnhandledFailure.sink;
        UnhandledFailure.sink = observer;
        return () -> UnhandledFailure.sink = previous;
    }

    /**
     * Where reports go now: the default log, or the observer in force. An observer that wants only
     * some reports passes the others on to what {@code current()} returned before it was installed.
     */
    public static Consumer<String> current() {
        return UnhandledFailure.sink;
    }
}
