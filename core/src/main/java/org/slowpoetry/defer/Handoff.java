package org.slowpoetry.defer;

import java.util.Objects;
import java.util.concurrent.SynchronousQueue;
import java.util.function.Function;

/**
 * A strict hand-off between a <em>driver</em> thread and a <em>coroutine</em> running on its own
 * virtual thread: the baton both {@link InlineCallbacks} and {@link Generator} are built on.
 * Exactly one of the two runs at any moment; the other is blocked in the hand-off.
 *
 * <pre>
 *   driver                               coroutine (virtual thread)
 *   resume(d1) --- d1 ------------------&gt; (starts) main(d1) runs ...
 *   (blocked)                            yieldToDriver(u1)
 *   &lt;----------------------------- u1 --- (blocked)
 *   ... driver runs ...
 *   resume(d2) --- d2 ------------------&gt; ... coroutine runs ...
 *   (blocked)                            main returns u2 (the thread ends)
 *   &lt;----------------------------- u2 ---
 * </pre>
 *
 * <p>Each direction is a {@link SynchronousQueue}: a {@code put} completes only when the other
 * side {@code take}s, and the sender then immediately blocks in its own {@code take}. So between
 * the moment one side receives a message and the moment it sends the next one, the other side
 * is parked, and the code the two sides run never overlaps. The queues' memory-consistency
 * guarantee (actions before a {@code put} happen-before actions after the matching {@code take})
 * means each side sees everything the other wrote before handing over: they share memory as if
 * they were one thread, which is the point.
 *
 * <p>Waiting in the hand-off is uninterruptible: the driver cannot give up on a coroutine that
 * holds the baton, and a coroutine waiting to be resumed has nowhere to report an interrupt. An
 * interrupt is remembered and re-asserted when the wait ends.
 *
 * <p><b>Threading:</b> {@link #resume} is called by one driver at a time (any thread but the
 * coroutine's, possibly a different one each time); {@link #yieldToDriver} only by the coroutine.
 * {@code started} is read and written by drivers only, ordered by the hand-off itself.
 *
 * @param <D> messages from the driver down to the coroutine
 * @param <U> messages from the coroutine up to the driver
 */
final class Handoff<D, U> {
    private final SynchronousQueue<D> down = new SynchronousQueue<>();
    private final SynchronousQueue<U> up = new SynchronousQueue<>();
    private final Thread coroutine;
    /** Whether the coroutine thread has been started; drivers only. */
    private boolean started;

    /**
     * @param name the virtual thread's name
     * @param main the coroutine: receives the first message, returns the last one
     * @param crashed turns an exception escaping {@code main} into a last message, so a driver is
     *     never left waiting (callers' {@code main} catches everything; this is a safety net)
     */
    Handoff(String name, Function<D, U> main, Function<Throwable, U> crashed) {
        Objects.requireNonNull(main, "main");
        Objects.requireNonNull(crashed, "crashed");
        this.coroutine = Thread.ofVirtual().name(name).unstarted(() -> {
            D first = take(down);
            U last;
            try {
                last = main.apply(first);
            } catch (Throwable t) {
                last = crashed.apply(t);
            }
            put(up, last);
        });
    }

    /**
     * Driver side: hands {@code message} to the coroutine (starting its thread the first time)
     * and blocks until the coroutine yields or ends, returning what it sent up.
     */
    U resume(D message) {
        if (isCoroutineThread()) {
            throw new IllegalStateException("a coroutine cannot resume itself");
        }
        if (!started) {
            started = true;
            coroutine.start();
        }
        put(down, message);
        return take(up);
    }

    /** Coroutine side: hands {@code message} to the driver and blocks until resumed. */
    D yieldToDriver(U message) {
        assert isCoroutineThread() : "yieldToDriver called off the coroutine thread";
        put(up, message);
        return take(down);
    }

    /** Whether the caller is the coroutine's own thread. */
    boolean isCoroutineThread() {
        return Thread.currentThread() == coroutine;
    }

    /** Whether the coroutine thread was ever started (a generator closed unstarted never is). */
    boolean started() {
        return started;
    }

    /** The coroutine's thread, for tests that check it ends. */
    Thread thread() {
        return coroutine;
    }

    private static <E> void put(SynchronousQueue<E> queue, E element) {
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(element);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static <E> E take(SynchronousQueue<E> queue) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return queue.take();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
