package org.slowpoetry.time;

import java.time.Duration;

/**
 * A monotonic clock that can be replaced in tests: {@link #system()} in production, a
 * {@link ManualClock} (like Twisted's {@code task.Clock}) in tests, so timing rules can be proved
 * without real waits.
 *
 * <p>Everything in slowpoetry that measures or waits for time takes one of these: servers'
 * delays, clients' elapsed times, the reactor's timers, timeouts.
 *
 * <p><b>Threading:</b> implementations are thread-safe.
 */
public interface MonotonicClock {

    /** Nanoseconds from an arbitrary origin; only differences mean anything. */
    long nanoTime();

    /**
     * Blocks the calling thread until {@code duration} has passed on this clock.
     *
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;

    /** The time passed since {@code startNanos}, a value of {@link #nanoTime()}. */
    default Duration since(long startNanos) {
        return Duration.ofNanos(nanoTime() - startNanos);
    }

    /** The JVM's monotonic clock ({@link System#nanoTime()}), sleeping with {@link Thread#sleep}. */
    static MonotonicClock system() {
        return SystemClock.INSTANCE;
    }
}
