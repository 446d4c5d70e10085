package org.slowpoetry.clients.tour.loom;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The answer a blocking call waits for, given by the example's own thread: the twins' stand-in for
 * what the network or a timer would deliver (the originals fire their Deferreds by hand for the same
 * reason). The Loom code under study calls {@link #await()} as it would read a socket, and its
 * virtual thread parks there; the example then {@link #give}s or {@link #fail}s the answer, and the
 * waiting code carries on with a plain value or an exception.
 *
 * {@snippet :
 * BReply<Integer> inner = new BReply<>();
 * // on the chain's virtual thread:   int result = inner.await();   // parks
 * inner.awaitWaiter(BReply.LIMIT);   // the example's thread: until the chain is parked there
 * inner.give(2);                     // the chain carries on with 2
 * }
 *
 * <p>The first answer counts; a later one is ignored and reported as such by a {@code false} return,
 * never an exception (as a cancelled Deferred ignores a late result). Interrupting the thread
 * parked in {@link #await()} makes it throw {@link InterruptedException}: the twins' cancel.
 *
 * <p><b>Threading:</b> thread-safe. Any thread may give the answer and any may wait for it; a
 * {@code give} happens-before the {@code await} that returns its value. Waiting parks (a lock and a
 * condition, never {@code synchronized}), so a waiting virtual thread frees its carrier.
 *
 * @param <T> the type of the answer
 */
final class BReply<T> {

    /** How long the examples wait for each other at most: far beyond what any of them needs. */
    static final Duration LIMIT = Duration.ofSeconds(5);

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when an answer is given and when a thread starts waiting. */
    private final Condition changed = lock.newCondition();
    /** The answer: a value or an exception; null until given. Written by give/fail, read by await; guarded by lock. */
    private Answer<T> answer;
    /** How many threads wait in await. Written by await, read by awaitWaiter; guarded by lock. */
    private int waiting;

    private sealed interface Answer<T> {
    }

    private record Value<T>(T value) implements Answer<T> {
    }

    private record Thrown<T>(Exception exception) implements Answer<T> {
    }

    /**
     * Waits, parked, for the answer.
     *
     * @return the value given
     * @throws InterruptedException if the waiting thread is interrupted first (cancelled)
     * @throws Exception the exception given by {@link #fail}
     */
    T await() throws Exception {
        lock.lock();
        try {
            waiting++;
            changed.signalAll();
            try {
                while (answer == null) {
                    changed.await();
                }
            } finally {
                waiting--;
            }
            return switch (answer) {
                case Value<T>(T value) -> value;
                case Thrown<T>(Exception exception) -> throw exception;
            };
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until some thread is parked in {@link #await()}, so that what the example prints next
     * comes after everything that thread printed on its way there.
     *
     * @throws IllegalStateException if no thread waits within {@code limit}
     */
    void awaitWaiter(Duration limit) throws InterruptedException {
        lock.lock();
        try {
            long nanos = limit.toNanos();
            while (waiting == 0) {
                if (nanos <= 0) {
                    throw new IllegalStateException("nobody waited for the answer within " + limit);
                }
                nanos = changed.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Gives the answer {@code value}; {@code false} if an answer was given before (this one is ignored). */
    boolean give(T value) {
        return settle(new Value<>(value));
    }

    /** Gives the answer "it failed with {@code exception}"; {@code false} if an answer was given before. */
    boolean fail(Exception exception) {
        return settle(new Thrown<>(exception));
    }

    private boolean settle(Answer<T> given) {
        lock.lock();
        try {
            if (answer != null) {
                return false;
            }
            answer = given;
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }
}
