package org.slowpoetry.defer;

import java.lang.ref.Cleaner;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The small holder behind "Unhandled error in Deferred:" (Parts 9 and 18): it remembers the
 * Failure a Deferred was left holding and is the {@link Cleaner} action that reports it once the
 * Deferred has been garbage collected.
 *
 * <p>The cleaning action must not reach the Deferred, or the Deferred could never become
 * unreachable; so the Deferred owns one of these, registers itself with it, and tells it whenever
 * its result becomes or stops being a Failure. When the Deferred is collected the Cleaner runs
 * {@link #run()} on its own thread, and a Failure still held is reported.
 *
 * <p><b>Threading:</b> {@link #track} and {@link #clear} are called by the Deferred's thread;
 * {@link #run} by the cleaner thread. {@code failure} is {@code volatile}, so the last value
 * written before the Deferred became unreachable is the one reported. {@link #sink} is a
 * {@code volatile} static for tests to replace.
 */
final class UnhandledFailure implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Deferred.class);

    /** One daemon thread for the whole JVM, like the JDK's own common cleaner. */
    private static final Cleaner CLEANER =
            Cleaner.create(Thread.ofPlatform().daemon(true).name("deferred-cleaner").factory());

    /**
     * Where reports go: the slf4j logger by default; tests swap in a collector.
     * Written by tests, read by the cleaner thread.
     */
    static volatile Consumer<String> sink = LOG::error;

    /** Written by the Deferred's thread, read by the cleaner thread. */
    private volatile Failure failure;
    /** Written once, by the Deferred's thread, the first time it holds a Failure. */
    private Cleaner.Cleanable registration;

    /** Records that {@code owner} now holds {@code current} as its result. */
    void track(Object owner, Failure current) {
        failure = current;
        if (registration == null) {
            registration = CLEANER.register(owner, this);
        }
    }

    /** Records that the owner's result is no longer a Failure (an errback handled it). */
    void clear() {
        failure = null;
    }

    /** The Failure held, or {@code null}: for tests that prove a failure counts as handled. */
    Failure held() {
        return failure;
    }

    @Override
    public void run() {
        Failure left = failure;
        if (left != null) {
            sink.accept("Unhandled error in Deferred:\n" + left.getTraceback());
        }
    }
}
