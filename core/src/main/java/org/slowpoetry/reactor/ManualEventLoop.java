package org.slowpoetry.reactor;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slowpoetry.time.ManualClock;

/**
 * An {@link EventLoop} whose time moves only when a test says so: the Java counterpart of
 * Twisted's {@code task.Clock}. Code under test schedules with {@link #callLater} as it would on a
 * {@link Reactor}; the test calls {@link #advance} and every call that has come due runs, in order,
 * on the test's thread. No real waiting, no flakiness.
 *
 * {@snippet :
 * var loop = new ManualEventLoop();
 * var log = new ArrayList<String>();
 * loop.callLater(Duration.ofSeconds(2), () -> log.add("two"));
 * loop.callLater(Duration.ofSeconds(1), () -> log.add("one"));
 * loop.advance(Duration.ofSeconds(1));   // runs "one"
 * loop.advance(Duration.ofSeconds(1));   // runs "two"
 * }
 *
 * <p>As with {@code task.Clock}, {@link #advance} moves the clock first and then runs everything
 * due, so a call that reads the clock sees the new time; a call scheduled with no delay from inside
 * another runs in the same {@code advance}. Step through time with {@link #pump} to see each tick.
 *
 * <p>Unlike the reactor, which logs a failing callback and goes on, {@link #advance} runs every due
 * call and then rethrows the first failure (later ones attached as suppressed), so that a test
 * cannot miss an exception thrown by the code it drives.
 *
 * <p><b>Threading:</b> the thread that created the loop drives it: {@link #advance}, {@link #pump},
 * {@link #callLater}, {@link #pendingCalls} and the {@link DelayedCall} methods must be called on
 * it (or in code holding the loop, such as an {@code InlineCallbacks} body: see
 * {@link EventLoop}), and throw {@link WrongThreadException} elsewhere; {@link #inEventLoop()} is
 * true there.
 * {@link #callFromThread} is safe from any thread: the task runs on the driving thread at the next
 * {@code advance} (which may be {@code advance(Duration.ZERO)}).
 */
public final class ManualEventLoop implements EventLoop {
    private final ManualClock clock;
    private final Thread driver;
    private final TimerQueue timers;
    /** Written by any thread ({@link #callFromThread}), drained by the driver in {@link #advance}. */
    private final Queue<Runnable> fromThreads = new ConcurrentLinkedQueue<>();
    /** True while {@link #advance} runs calls; driver thread only. Guards against re-entry. */
    private boolean advancing;

    /** A loop on a new {@link ManualClock} at time zero, driven by the calling thread. */
    public ManualEventLoop() {
        this(new ManualClock());
    }

    /** A loop on {@code clock}, driven by the calling thread. */
    public ManualEventLoop(ManualClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.driver = Thread.currentThread();
        this.timers = new TimerQueue(clock, this::checkInLoop);
    }

    @Override
    public ManualClock clock() {
        return clock;
    }

    @Override
    public DelayedCall callLater(Duration delay, Runnable task) {
        checkInLoop("callLater");
        return timers.schedule(delay, task);
    }

    @Override
    public void callFromThread(Runnable task) {
        fromThreads.add(Objects.requireNonNull(task, "task"));
    }

    @Override
    public boolean inEventLoop() {
        return LoopOwnership.inEventLoop(this, driver);
    }

    /**
     * Moves the clock forward by {@code by}, then runs the tasks queued by {@link #callFromThread}
     * and every call that is due, in time order (scheduling order for equal times).
     *
     * @throws IllegalArgumentException if {@code by} is negative
     * @throws IllegalStateException if called from a call that this loop is running
     * @throws RuntimeException (or Error) the first exception a call threw, after all due calls ran
     */
    public void advance(Duration by) {
        checkInLoop("advance");
        if (advancing) {
            throw new IllegalStateException("advance() called from a call that advance() is running");
        }
        clock.advance(by);
        advancing = true;
        Throwable failure = null;
        try {
            for (Runnable task; (task = fromThreads.poll()) != null; ) {
                failure = runCollecting(task, failure);
            }
            long now = clock.nanoTime();
            for (ScheduledCall due; (due = timers.pollDue(now, Long.MAX_VALUE)) != null; ) {
                failure = runCollecting(due::run, failure);
            }
        } finally {
            advancing = false;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException("a call failed", failure); // a sneaky checked exception
        }
    }

    /** Advances by each step in turn: Twisted's {@code Clock.pump}. */
    public void pump(Duration... steps) {
        for (Duration step : steps) {
            advance(step);
        }
    }

    /** The calls that have not run and were not cancelled, in the order they will run. */
    public List<DelayedCall> pendingCalls() {
        checkInLoop("pendingCalls");
        return timers.pending();
    }

    private static Throwable runCollecting(Runnable task, Throwable failure) {
        try {
            task.run();
        } catch (Throwable t) {
            if (failure == null) {
                return t;
            }
            failure.addSuppressed(t);
        }
        return failure;
    }

    private void checkInLoop(String operation) {
        if (!inEventLoop()) {
            throw new WrongThreadException(operation + " must be called on the thread driving this "
                    + "ManualEventLoop (" + driver.getName() + "), not on " + Thread.currentThread().getName()
                    + "; use callFromThread from other threads");
        }
    }

    @Override
    public String toString() {
        return "ManualEventLoop[now=" + clock.nanoTime() + "ns, pending=" + timers.size() + "]";
    }
}
