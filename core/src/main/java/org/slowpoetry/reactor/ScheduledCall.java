package org.slowpoetry.reactor;

import java.time.Duration;
import java.util.Objects;

/**
 * The {@link DelayedCall} of {@link Reactor} and {@link ManualEventLoop}: one entry of a
 * {@link TimerQueue}.
 *
 * <p><b>Threading:</b> loop thread only, like its queue; the public methods check.
 */
final class ScheduledCall implements DelayedCall {

    /** Where a call is in its life; it moves from PENDING to one of the others, once. */
    enum State {
        PENDING,
        CALLED,
        CANCELLED
    }

    private final TimerQueue queue;
    private final Runnable task;
    /** When it runs, in the clock's nanoseconds. Written by the queue on the loop thread. */
    long time;
    /** Tie-breaker for equal times: scheduling order. Written by the queue on the loop thread. */
    long sequence;
    /** Its slot in the queue's heap, -1 when not in it. Written by the queue on the loop thread. */
    int index = -1;
    /** Written and read on the loop thread. */
    private State state = State.PENDING;

    ScheduledCall(TimerQueue queue, long time, long sequence, Runnable task) {
        this.queue = queue;
        this.time = time;
        this.sequence = sequence;
        this.task = Objects.requireNonNull(task, "task");
    }

    /** The loop takes it out of the queue and runs it: it is called from now on, even if it throws. */
    void run() {
        assert state == State.PENDING && index == -1;
        state = State.CALLED;
        task.run();
    }

    @Override
    public long time() {
        queue.checkInLoop("DelayedCall.time");
        return time;
    }

    @Override
    public boolean active() {
        queue.checkInLoop("DelayedCall.active");
        return state == State.PENDING;
    }

    @Override
    public void cancel() {
        requirePending("cancel");
        state = State.CANCELLED;
        if (index >= 0) {
            queue.remove(this);
        }
    }

    @Override
    public void reset(Duration delay) {
        requirePending("reset");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay: " + delay);
        }
        reschedule(TimerQueue.plus(queue.clock().nanoTime(), delay));
    }

    @Override
    public void delay(Duration by) {
        requirePending("delay");
        if (by.isNegative()) {
            throw new IllegalArgumentException("negative delay: " + by);
        }
        reschedule(TimerQueue.plus(time, by));
    }

    private void reschedule(long newTime) {
        if (index >= 0) {
            queue.reschedule(this, newTime);
        } else {
            time = newTime; // the loop has stopped and forgotten it: it will never run anyway
        }
    }

    private void requirePending(String operation) {
        queue.checkInLoop("DelayedCall." + operation);
        switch (state) {
            case CALLED -> throw new AlreadyCalledException(
                    "cannot " + operation + " a delayed call that has already run: " + this);
            case CANCELLED -> throw new AlreadyCancelledException(
                    "cannot " + operation + " a delayed call that was cancelled: " + this);
            case PENDING -> {
            }
        }
    }

    @Override
    public String toString() {
        return "DelayedCall[" + state.name().toLowerCase(java.util.Locale.ROOT) + ", time=" + time
                + ", task=" + describe(task) + "]";
    }

    /**
     * The task as a reader can place it: its own {@code toString()}, or for a lambda or method
     * reference (whose {@code toString()} is a generated name) the class that wrote it.
     */
    private static String describe(Runnable task) {
        String name = task.getClass().getName();
        int lambda = name.indexOf("$$Lambda");
        return task.getClass().isHidden() && lambda > 0 ? "a lambda in " + name.substring(0, lambda) : task.toString();
    }
}
