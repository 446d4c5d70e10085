package org.slowpoetry.reactor;

import java.time.Duration;
import org.slowpoetry.time.MonotonicClock;

/**
 * The part of a reactor that timers, Deferreds and inline callbacks need: Twisted's
 * {@code IReactorTime} plus {@code callFromThread}. {@code Reactor} implements it over a
 * {@code Selector}; {@code ManualEventLoop} implements it over a {@code ManualClock} for tests
 * (like Twisted's {@code task.Clock}).
 *
 * <p><b>Threading:</b> {@link #callFromThread} and {@link #inEventLoop} are safe from any thread;
 * every other method must be called on the loop's thread and throws
 * {@link WrongThreadException} elsewhere.
 */
public interface EventLoop {

    /** The clock the loop's timers run on. */
    MonotonicClock clock();

    /** Runs {@code task} on the loop thread after {@code delay}. Loop thread only. */
    DelayedCall callLater(Duration delay, Runnable task);

    /** Runs {@code task} on the loop thread soon. Safe from any thread; wakes the loop. */
    void callFromThread(Runnable task);

    /** Whether the calling thread is this loop's thread. */
    boolean inEventLoop();
}
