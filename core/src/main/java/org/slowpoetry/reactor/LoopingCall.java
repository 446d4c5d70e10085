package org.slowpoetry.reactor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls a task every {@code interval} on an {@link EventLoop}: Twisted's {@code task.LoopingCall}.
 *
 * {@snippet :
 * var countdown = new int[] {5};
 * var lc = new LoopingCall(reactor, () -> {
 *     System.out.println(countdown[0]-- + " ...");
 * });
 * lc.onCompletion(outcome -> reactor.stop());
 * lc.start(Duration.ofSeconds(1), true);   // prints at once, then every second
 * // ... later, from a callback on the loop:
 * lc.stop();                                 // onCompletion sees LoopingCall.Stopped
 * }
 *
 * <p>Ticks stay on the grid {@code start + k * interval}. When the loop falls behind (a slow task,
 * a busy reactor, a {@link ManualEventLoop} advanced by several intervals at once), the missed
 * ticks are skipped, not run in a burst: after each call the next one is scheduled for the first
 * grid point after the current time, exactly as Twisted does. An interval of zero calls the task
 * again on every loop iteration.
 *
 * <p>If the task throws, the looping call stops and its completion listeners get
 * {@link Failed} with the exception (Twisted errbacks its Deferred); if none is registered, the
 * exception is logged. {@link #stop()} completes them with {@link Stopped}.
 *
 * <p><b>Threading:</b> every method must be called on the loop's thread (for a {@link Reactor}
 * that has not run yet, on the thread configuring it) and throws {@link WrongThreadException}
 * elsewhere. The task and the listeners run on the loop thread.
 */
public final class LoopingCall {
    private static final Logger LOG = LoggerFactory.getLogger(LoopingCall.class);

    /* Implementation overview
     *
     * One DelayedCall at a time is pending (`call`); the tick clears it, runs the task, and, if the
     * looping call is still running, schedules the next from the clock's current time, as Twisted's
     * _scheduleFrom does:  delay = interval - ((now - start) % interval).
     *
     * Completion listeners are the seam for a Deferred: a helper elsewhere registers one before
     * start() and fires its Deferred from it. Listeners registered while idle wait for the next
     * run; each fires once, for the run it was registered for.
     */

    /** How a run of a looping call ended. */
    public sealed interface Outcome permits Stopped, Failed {
    }

    /** {@link #stop()} was called. */
    public record Stopped() implements Outcome {
    }

    /** The task threw {@code cause}; the looping call stopped itself. */
    public record Failed(Throwable cause) implements Outcome {
        public Failed {
            Objects.requireNonNull(cause, "cause");
        }
    }

    /** Whether a looping call is between {@link #start} and the end of that run. */
    public enum State {
        IDLE,
        RUNNING
    }

    private final EventLoop loop;
    private final Runnable task;
    /** Loop thread only, as are all the fields below. */
    private State state = State.IDLE;
    /** The interval of the current run. */
    private long intervalNanos;
    /** When the current run started, in the loop clock's nanoseconds: the grid's origin. */
    private long startNanos;
    /** The pending tick, or null while the task runs or when idle. */
    private DelayedCall call;
    /** Told how the current (or, when idle, the next) run ends; cleared when they are told. */
    private List<Consumer<? super Outcome>> listeners = new ArrayList<>();

    public LoopingCall(EventLoop loop, Runnable task) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.task = Objects.requireNonNull(task, "task");
    }

    /**
     * Starts calling the task every {@code interval}; at once too if {@code now}.
     *
     * @throws IllegalStateException if it is already running
     * @throws IllegalArgumentException if {@code interval} is negative
     */
    public void start(Duration interval, boolean now) {
        checkInLoop("start");
        if (state == State.RUNNING) {
            throw new IllegalStateException("looping call is already running: " + this);
        }
        if (interval.isNegative()) {
            throw new IllegalArgumentException("negative interval: " + interval);
        }
        state = State.RUNNING;
        intervalNanos = interval.toNanos();
        startNanos = loop.clock().nanoTime();
        if (now) {
            tick();
        } else {
            scheduleFrom(startNanos);
        }
    }

    /**
     * Stops it: the pending tick is cancelled and the listeners get {@link Stopped}. May be called
     * from the task itself.
     *
     * @throws IllegalStateException if it is not running
     */
    public void stop() {
        checkInLoop("stop");
        if (state != State.RUNNING) {
            throw new IllegalStateException("looping call is not running: " + this);
        }
        if (call != null) {
            call.cancel();
            call = null;
        }
        finish(new Stopped());
    }

    /** Whether it is running. */
    public boolean running() {
        checkInLoop("running");
        return state == State.RUNNING;
    }

    /**
     * Registers {@code listener} to be told, once, how the current run ends; when idle, how the
     * next run ends (register before {@link #start} to see a task that fails on its first call).
     */
    public void onCompletion(Consumer<? super Outcome> listener) {
        checkInLoop("onCompletion");
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private void tick() {
        call = null;
        try {
            task.run();
        } catch (Throwable t) {
            finish(new Failed(t));
            return;
        }
        if (state == State.RUNNING && call == null) {
            scheduleFrom(loop.clock().nanoTime());
        }
    }

    private void scheduleFrom(long now) {
        long delay = 0;
        if (intervalNanos > 0) {
            long runningFor = Math.max(0, now - startNanos);
            delay = intervalNanos - runningFor % intervalNanos;
        }
        call = loop.callLater(Duration.ofNanos(delay), this::tick);
    }

    private void finish(Outcome outcome) {
        state = State.IDLE;
        List<Consumer<? super Outcome>> told = listeners;
        listeners = new ArrayList<>();
        if (told.isEmpty() && outcome instanceof Failed(var cause)) {
            LOG.error("looping call {} failed and stopped; nobody was listening", this, cause);
        }
        for (var listener : told) {
            try {
                listener.accept(outcome);
            } catch (RuntimeException e) {
                LOG.error("completion listener of looping call {} failed", this, e);
            }
        }
    }

    private void checkInLoop(String operation) {
        if (!loop.inEventLoop()) {
            throw new WrongThreadException("LoopingCall." + operation + " must be called on the loop thread, not on "
                    + Thread.currentThread().getName());
        }
    }

    @Override
    public String toString() {
        return "LoopingCall[" + task + "]";
    }
}
