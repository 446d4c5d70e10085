package org.slowpoetry.reactor;

import java.nio.channels.Selector;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The tasks other threads hand to a {@link Reactor} with {@code callFromThread}, and the wakeup of
 * its selector: Twisted's {@code threadCallQueue} plus its waker.
 *
 * <p><b>Threading:</b> {@link #add} from any thread; everything else on the loop thread. Adding a
 * task happens-before the loop runs it (the queue is a {@link ConcurrentLinkedQueue}).
 */
final class ThreadCallQueue {

    /* Implementation overview
     *
     * Many producers, one consumer. ConcurrentLinkedQueue is lock-free and linearizable; Netty uses
     * a JCTools MPSC queue, which is faster still but not in the JDK.
     *
     * Waking the selector is a system call (a write to an eventfd or a pipe), so it must not be made
     * for every task. `sleeping` is true only while the loop is about to block, or is blocked, in
     * select; a producer wakes the selector only if it is the one that flips it to false. The loop:
     *
     *     sleeping = true;  if (queue not empty) selectNow else select(timeout);  sleeping = false
     *
     * A producer adds, then flips. If its flip came before the loop set `sleeping`, its add came
     * before too, so the loop's emptiness check sees the task; if after, it sees true and wakes the
     * selector, and the coming (or current) select returns at once. No task waits for a timeout,
     * and a busy loop is woken at most once per select. This is Netty's `nextWakeupNanos` scheme
     * with a boolean instead of a deadline.
     */

    private final Selector selector;
    /** Written by producers (add) and the loop; read by the loop. */
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    /** True while the loop is in, or about to enter, a blocking select. See the overview. */
    private final AtomicBoolean sleeping = new AtomicBoolean();

    ThreadCallQueue(Selector selector) {
        this.selector = selector;
    }

    /** Queues {@code task} and wakes the loop if it sleeps. Any thread. */
    void add(Runnable task) {
        tasks.add(task);
        if (sleeping.compareAndSet(true, false)) {
            selector.wakeup();
        }
    }

    /**
     * The loop is about to block: returns whether it may (false: tasks are waiting, select without
     * blocking). Call {@link #awake()} after the select either way.
     */
    boolean prepareToSleep() {
        sleeping.set(true);
        if (tasks.isEmpty()) {
            return true;
        }
        sleeping.set(false);
        return false;
    }

    /** The loop has returned from select. */
    void awake() {
        sleeping.set(false);
    }

    boolean isEmpty() {
        return tasks.isEmpty();
    }

    /**
     * Runs at most {@code max} tasks with {@code runner}, oldest first; tasks added meanwhile wait
     * for the next iteration if the limit is reached (so a flood cannot starve I/O).
     *
     * @return whether tasks remain
     */
    boolean runSome(int max, Consumer<Runnable> runner) {
        for (int i = 0; i < max; i++) {
            Runnable task = tasks.poll();
            if (task == null) {
                return false;
            }
            runner.accept(task);
        }
        return !tasks.isEmpty();
    }

    /**
     * Drops every queued task (the loop has stopped), cancelling those that are {@link Future}s so
     * that a thread waiting on one is released. Safe from any thread; returns how many were dropped.
     */
    int discard() {
        int dropped = 0;
        for (Runnable task; (task = tasks.poll()) != null; ) {
            if (task instanceof Future<?> future) {
                future.cancel(false);
            }
            dropped++;
        }
        return dropped;
    }
}
