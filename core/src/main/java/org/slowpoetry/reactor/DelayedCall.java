package org.slowpoetry.reactor;

import java.time.Duration;

/**
 * A call scheduled with {@link EventLoop#callLater}: Twisted's {@code IDelayedCall}.
 *
 * <p>A call is <em>active</em> until it runs or is cancelled; it counts as run from the moment the
 * loop starts calling it, so a task cannot cancel itself. Cancelling, resetting or delaying a call
 * that is no longer active is a bug, reported at once: {@link AlreadyCalledException} or
 * {@link AlreadyCancelledException}. A call reset or delayed to the same time as others runs after
 * them, as if scheduled anew.
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
     * Stops it from running, and forgets it: a cancelled call holds no memory in the loop.
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
     * @throws IllegalArgumentException if {@code delay} is negative
     */
    void reset(Duration delay);

    /**
     * Pushes it back by {@code by}.
     *
     * @throws AlreadyCalledException if it has run
     * @throws AlreadyCancelledException if it was cancelled
     * @throws IllegalArgumentException if {@code by} is negative
     */
    void delay(Duration by);
}
