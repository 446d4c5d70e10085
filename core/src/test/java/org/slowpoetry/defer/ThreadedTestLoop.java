package org.slowpoetry.defer;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slowpoetry.reactor.AlreadyCalledException;
import org.slowpoetry.reactor.AlreadyCancelledException;
import org.slowpoetry.reactor.DelayedCall;
import org.slowpoetry.reactor.EventLoop;
import org.slowpoetry.time.MonotonicClock;

/**
 * A tiny real event loop for concurrency tests: one platform thread running posted tasks and
 * timers from queues, until {@link #close()}. It honours the inline-callbacks baton:
 * {@link #inEventLoop()} is true on its thread and on a body that holds it.
 *
 * <p><b>Threading:</b> {@link #callFromThread}, {@link #call} and {@link #close} from any thread;
 * {@link #callLater} on the loop (or the baton holder). Queues are guarded by {@code lock}.
 */
final class ThreadedTestLoop implements EventLoop, AutoCloseable {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Guarded by lock. */
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    /** Guarded by lock. */
    private final PriorityQueue<Timer> timers = new PriorityQueue<>(Comparator.comparingLong(Timer::time));
    /** Guarded by lock. */
    private boolean stopping;
    /** Exceptions thrown by tasks; the loop carries on, the test checks this list. */
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final Thread thread;

    ThreadedTestLoop() {
        thread = Thread.ofPlatform().name("test-loop").start(this::runLoop);
    }

    @Override
    public MonotonicClock clock() {
        return MonotonicClock.system();
    }

    @Override
    public DelayedCall callLater(Duration delay, Runnable task) {
        if (!inEventLoop()) {
            throw new WrongThreadException("callLater off the loop thread");
        }
        Timer timer = new Timer(System.nanoTime() + delay.toNanos(), Objects.requireNonNull(task));
        lock.lock();
        try {
            timers.add(timer);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        return timer;
    }

    @Override
    public void callFromThread(Runnable task) {
        lock.lock();
        try {
            tasks.add(Objects.requireNonNull(task));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean inEventLoop() {
        return Thread.currentThread() == thread || InlineCallbacks.holdsLoop(this);
    }

    /** Runs {@code work} on the loop and returns its result to the calling thread. */
    <V> CompletableFuture<V> call(Callable<V> work) {
        CompletableFuture<V> future = new CompletableFuture<>();
        callFromThread(() -> {
            try {
                future.complete(work.call());
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        });
        return future;
    }

    List<Throwable> errors() {
        return errors;
    }

    Thread thread() {
        return thread;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            stopping = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void runLoop() {
        while (true) {
            Runnable next;
            lock.lock();
            try {
                while (true) {
                    if (!tasks.isEmpty()) {
                        next = tasks.poll();
                        break;
                    }
                    Timer due = timers.peek();
                    long now = System.nanoTime();
                    if (due != null && due.time <= now) {
                        timers.poll();
                        due.called = true;
                        next = due.task;
                        break;
                    }
                    if (stopping) {
                        return;
                    }
                    if (due == null) {
                        changed.awaitUninterruptibly();
                    } else {
                        try {
                            changed.await(due.time - now, TimeUnit.NANOSECONDS);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            } finally {
                lock.unlock();
            }
            try {
                next.run();
            } catch (Throwable t) {
                errors.add(t);
            }
        }
    }

    private final class Timer implements DelayedCall {
        private final long time;
        private final Runnable task;
        /** Guarded by lock. */
        private boolean called;
        /** Guarded by lock. */
        private boolean cancelled;

        Timer(long time, Runnable task) {
            this.time = time;
            this.task = task;
        }

        @Override
        public long time() {
            return time;
        }

        @Override
        public boolean active() {
            lock.lock();
            try {
                return !called && !cancelled;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void cancel() {
            lock.lock();
            try {
                if (called) {
                    throw new AlreadyCalledException("timer has run");
                }
                if (cancelled) {
                    throw new AlreadyCancelledException("timer was cancelled");
                }
                cancelled = true;
                timers.remove(this);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void reset(Duration delay) {
            throw new UnsupportedOperationException("not needed by these tests");
        }

        @Override
        public void delay(Duration by) {
            throw new UnsupportedOperationException("not needed by these tests");
        }
    }
}
