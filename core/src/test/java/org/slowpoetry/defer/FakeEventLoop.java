package org.slowpoetry.defer;

import java.time.Duration;
import java.util.Comparator;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slowpoetry.reactor.AlreadyCalledException;
import org.slowpoetry.reactor.AlreadyCancelledException;
import org.slowpoetry.reactor.DelayedCall;
import org.slowpoetry.reactor.EventLoop;
import org.slowpoetry.time.ManualClock;

/**
 * A test-only {@link EventLoop} over a {@link ManualClock}, like Twisted's {@code task.Clock}:
 * nothing runs until the test calls {@link #advance} (due timers, in time order) or
 * {@link #runPending} ({@link #callFromThread} tasks and timers already due). The test's own
 * thread is the loop thread: {@link #inEventLoop()} is always true.
 *
 * <p><b>Threading:</b> {@link #callFromThread} is safe from any thread (a concurrent queue); every
 * other method belongs to the test thread.
 */
final class FakeEventLoop implements EventLoop {
    private final ManualClock clock = new ManualClock();
    private final PriorityQueue<Call> calls =
            new PriorityQueue<>(Comparator.comparingLong(Call::time).thenComparingLong(call -> call.sequence));
    private final ConcurrentLinkedQueue<Runnable> fromThreads = new ConcurrentLinkedQueue<>();
    private long sequence;

    @Override
    public ManualClock clock() {
        return clock;
    }

    @Override
    public DelayedCall callLater(Duration delay, Runnable task) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay: " + delay);
        }
        Call call = new Call(clock.nanoTime() + delay.toNanos(), sequence++, Objects.requireNonNull(task));
        calls.add(call);
        return call;
    }

    @Override
    public void callFromThread(Runnable task) {
        fromThreads.add(Objects.requireNonNull(task));
    }

    @Override
    public boolean inEventLoop() {
        return true;
    }

    /** Moves the clock on and runs everything that has become due, in order. */
    void advance(Duration by) {
        clock.advance(by);
        runPending();
    }

    /** Runs the queued callFromThread tasks and the timers due now (and anything they make due). */
    void runPending() {
        while (true) {
            Runnable task = fromThreads.poll();
            if (task != null) {
                task.run();
                continue;
            }
            Call next = calls.peek();
            if (next == null || next.time > clock.nanoTime()) {
                return;
            }
            calls.poll();
            next.state = CallState.CALLED;
            next.task.run();
        }
    }

    /** Timers scheduled and neither run nor cancelled. */
    int pendingCalls() {
        return calls.size();
    }

    private enum CallState { PENDING, CALLED, CANCELLED }

    private final class Call implements DelayedCall {
        private long time;
        private final long sequence;
        private final Runnable task;
        private CallState state = CallState.PENDING;

        Call(long time, long sequence, Runnable task) {
            this.time = time;
            this.sequence = sequence;
            this.task = task;
        }

        @Override
        public long time() {
            return time;
        }

        @Override
        public boolean active() {
            return state == CallState.PENDING;
        }

        @Override
        public void cancel() {
            requireActive();
            state = CallState.CANCELLED;
            calls.remove(this);
        }

        @Override
        public void reset(Duration delay) {
            requireActive();
            calls.remove(this);
            time = clock.nanoTime() + delay.toNanos();
            calls.add(this);
        }

        @Override
        public void delay(Duration by) {
            requireActive();
            calls.remove(this);
            time += by.toNanos();
            calls.add(this);
        }

        private void requireActive() {
            switch (state) {
                case CALLED -> throw new AlreadyCalledException("the call has run");
                case CANCELLED -> throw new AlreadyCancelledException("the call was cancelled");
                case PENDING -> {
                }
            }
        }
    }
}
