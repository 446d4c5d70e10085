package org.slowpoetry.reactor;

import java.time.Duration;
import org.slowpoetry.time.MonotonicClock;

/**
 * The part of a reactor that timers, Deferreds and inline callbacks need: Twisted's
 * {@code IReactorTime} plus {@code callFromThread}. {@code Reactor} implements it over a
 * {@code Selector}; {@code ManualEventLoop} implements it over a {@code ManualClock} for tests
 * (like Twisted's {@code task.Clock}).
 *
 * <p><b>Threading:</b> {@link #callFromThread}, {@link #inEventLoop} and {@link #clock} are safe
 * from any thread; every other method must be called on the loop's thread and throws
 * {@link WrongThreadException} elsewhere. The loop's thread is the one for which
 * {@link #inEventLoop} is true: the thread running a {@code Reactor} (before it runs, the thread
 * that opened it, which configures it), the thread driving a {@code ManualEventLoop}.
 */
public interface EventLoop {

    /** The clock the loop's timers run on. */
    MonotonicClock clock();

    /**
     * Runs {@code task} on the loop thread after {@code delay}: Twisted's {@code callLater}. Calls due
     * at the same time run in the order they were scheduled. Loop thread only.
     *
     * @throws IllegalArgumentException if {@code delay} is negative
     * @throws WrongThreadException off the loop thread
     */
    DelayedCall callLater(Duration delay, Runnable task);

    /**
     * Runs {@code task} on the loop thread soon, after the tasks submitted before it: the only way
     * for another thread to get something done on the loop. Safe from any thread; wakes the loop.
     * Submitting happens-before the task runs.
     */
    void callFromThread(Runnable task);

    /** Whether the calling thread is this loop's thread. */
    boolean inEventLoop();
}
