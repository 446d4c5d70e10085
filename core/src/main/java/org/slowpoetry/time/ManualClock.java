package org.slowpoetry.time;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A clock that moves only when a test calls {@link #advance(Duration)}: the Java counterpart of
 * Twisted's {@code task.Clock}. Threads blocked in {@link #sleep(Duration)} wake when the clock has
 * been advanced past their deadline.
 *
 * {@snippet :
 * var clock = new ManualClock();
 * long start = clock.nanoTime();
 * clock.advance(Duration.ofSeconds(3));
 * assert clock.since(start).equals(Duration.ofSeconds(3));
 * }
 *
 * <p><b>Threading:</b> thread-safe. {@code now} is written under {@code lock} by
 * {@link #advance} and read under it by {@link #nanoTime} and {@link #sleep}; an advance
 * happens-before every read that sees its value.
 */
public final class ManualClock implements MonotonicClock {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition moved = lock.newCondition();
    /** Written by {@link #advance}, read by every method; guarded by {@code lock}. */
    private long now;
    /** How many threads are in {@link #sleep}; guarded by {@code lock}. For tests to await. */
    private int sleepers;

    @Override
    public long nanoTime() {
        lock.lock();
        try {
            return now;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves the clock forward and wakes the sleepers whose time has come.
     *
     * @throws IllegalArgumentException if {@code by} is negative: a monotonic clock never goes back
     */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("a monotonic clock cannot go back: " + by);
        }
        lock.lock();
        try {
            now += by.toNanos();
            moved.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Blocks until other threads have advanced the clock by {@code duration}. */
    @Override
    public void sleep(Duration duration) throws InterruptedException {
        lock.lock();
        try {
            long deadline = now + duration.toNanos();
            sleepers++;
            try {
                while (now < deadline) {
                    moved.await();
                }
            } finally {
                sleepers--;
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many threads are blocked in {@link #sleep} right now (for tests to wait on). */
    public int sleepers() {
        lock.lock();
        try {
            return sleepers;
        } finally {
            lock.unlock();
        }
    }
}
