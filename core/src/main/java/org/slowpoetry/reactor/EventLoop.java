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
 * from any thread; every other method is loop-only: it may be called only where
 * {@link #inEventLoop} is true, and throws {@link WrongThreadException} elsewhere. That is on the
 * loop's own thread (the thread running a {@code Reactor}, or before it runs the thread that opened
 * it, which configures it; the thread driving a {@code ManualEventLoop}), and in code that
 * currently holds the loop: an {@code InlineCallbacks} body while it runs, the loop thread parked
 * under it ({@link LoopOwnership}). The set of loops is closed (sealed) so that every one of them
 * keeps this rule.
 */
public sealed interface EventLoop permits Reactor, ManualEventLoop {

    /** The clock the loop's timers run on. */
    MonotonicClock clock();

    /**
     * Runs {@code task} on the loop thread after {@code delay}: Twisted's {@code callLater}. Calls due
     * at the same time run in the order they were scheduled. Loop-only.
     *
     * @throws IllegalArgumentException if {@code delay} is negative
     * @throws WrongThreadException where {@link #inEventLoop} is false
     */
    DelayedCall callLater(Duration delay, Runnable task);

    /**
     * Runs {@code task} on the loop thread soon, after the tasks submitted before it: the only way
     * for another thread to get something done on the loop. Safe from any thread; wakes the loop.
     * Submitting happens-before the task runs.
     */
    void callFromThread(Runnable task);

    /**
     * Whether the calling code may use this loop's loop-only methods: true on the loop's own
     * thread, and on a thread running code that holds the loop ({@link LoopOwnership#runHolding});
     * false everywhere else, threads started by such code included. Implementations answer with
     * {@link LoopOwnership#inEventLoop(EventLoop, Thread)}.
     */
    boolean inEventLoop();
}
