package org.slowpoetry.reactor;

import java.time.Duration;

/**
 * A call scheduled with {@link EventLoop#callLater}: Twisted's {@code IDelayedCall}.
 *
 * <p><b>Threading:</b> every method must be called on the event loop's thread (or, for a loop that
 * is not running, such as a manual test clock, on the thread that drives it).
 */
public interface DelayedCall {

    /** When it will run, in the loop clock's nanoseconds. */
    long time();

    /** Whether it has neither run nor been cancelled. */
    boolean active();

    /**
     * Stops it from running.
     *
     * @throws AlreadyCalledException if it has run
     * @throws AlreadyCancelledException if it was cancelled before
     */
    void cancel();

    /**
     * Reschedules it to run {@code delay} from now.
     *
     * @throws AlreadyCalledException if it has run
     * @throws AlreadyCancelledException if it was cancelled
     */
    void reset(Duration delay);

    /**
     * Pushes it back by {@code by}.
     *
     * @throws AlreadyCalledException if it has run
     * @throws AlreadyCancelledException if it was cancelled
     */
    void delay(Duration by);
}
