package org.slowpoetry.proxy;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.slowpoetry.fetch.PoemResult;

/**
 * One request's claim on a download in flight: it ends with the download's {@link PoemResult},
 * the same for every ticket of that download, unless it is {@linkplain #withdraw() withdrawn}
 * first. Each style waits for it its own way:
 *
 * {@snippet :
 * // reactor: never blocks; the listener runs on the thread that ends the download (the loop)
 * ticket.onDone(result -> deliver(result));
 *
 * // Loom: blocks this virtual thread; an interrupt gives the ticket back
 * try {
 *     deliver(ticket.await());
 * } finally {
 *     ticket.withdraw();               // nothing once it has ended; else it no longer wants the poem
 * }
 * }
 *
 * <p>A download goes on while at least one of its tickets wants it. When the last one is withdrawn
 * the cache cancels it (proxy 3.0's cancel on disconnect, with single flight): a client that
 * leaves does not take the poem away from the others still waiting.
 *
 * <p><b>Threading:</b> thread-safe. Its state is guarded by its cache's lock; {@link #await()} may
 * be called from any thread, and sees the result through the latch (its countdown happens-before
 * the await's return). Listeners are called outside the lock.
 */
public final class Ticket {

    /** Where a ticket is. */
    enum State {
        /** The download it belongs to is in flight. */
        WAITING,
        /** The download ended; {@code result} holds how. */
        DONE,
        /** Given back ({@link #withdraw()}) or dropped by {@link PoemCache#close()}: no result. */
        WITHDRAWN
    }

    private final PoemCache cache;
    /** The download this ticket waits for; immutable. */
    final PoemCache.Flight flight;
    /** Released on DONE and on WITHDRAWN, once. */
    private final CountDownLatch ended = new CountDownLatch(1);

    // The three fields below are written and read under cache.lock.
    private State state = State.WAITING;
    /** Set with DONE. */
    private PoemResult result;
    /** Set by onDone while WAITING; called (outside the lock) when the ticket becomes DONE. */
    private Consumer<? super PoemResult> listener;

    Ticket(PoemCache cache, PoemCache.Flight flight) {
        this.cache = cache;
        this.flight = flight;
    }

    /**
     * Calls {@code listener} with the result when the download ends: at once, on this thread, if
     * it has; else on the thread that ends it. Never called if the ticket is withdrawn first.
     *
     * @throws IllegalStateException if a listener was set before
     */
    public void onDone(Consumer<? super PoemResult> listener) {
        Objects.requireNonNull(listener, "listener");
        PoemResult now;
        cache.lock.lock();
        try {
            if (this.listener != null) {
                throw new IllegalStateException("a ticket has one listener");
            }
            this.listener = listener;
            now = state == State.DONE ? result : null;
        } finally {
            cache.lock.unlock();
        }
        if (now != null) {
            listener.accept(now);
        }
    }

    /**
     * Blocks until the download ends, and returns how.
     *
     * @throws InterruptedException  if the thread is interrupted while waiting; the ticket still
     *                               waits: {@link #withdraw()} it
     * @throws CancellationException if the ticket was withdrawn (by its owner, or by the cache's
     *                               {@code close()})
     */
    public PoemResult await() throws InterruptedException {
        ended.await();
        cache.lock.lock();
        try {
            if (state == State.WITHDRAWN) {
                throw new CancellationException("the ticket was withdrawn before the download ended");
            }
            return result;
        } finally {
            cache.lock.unlock();
        }
    }

    /**
     * Gives the ticket back: its owner no longer wants the poem. If it was the last ticket of its
     * download, the cache cancels the download and is empty again. Does nothing once the download
     * has ended.
     */
    public void withdraw() {
        cache.withdraw(this);
    }

    /** Whether the download has ended and this ticket holds its result. */
    public boolean done() {
        cache.lock.lock();
        try {
            return state == State.DONE;
        } finally {
            cache.lock.unlock();
        }
    }

    // ---- called by the cache ----

    /** WAITING to WITHDRAWN; false if it had already left WAITING. Under the cache's lock. */
    boolean markWithdrawn() {
        if (state != State.WAITING) {
            return false;
        }
        state = State.WITHDRAWN;
        ended.countDown();
        return true;
    }

    /** Ends the ticket with {@code outcome}, calling its listener; outside the cache's lock. */
    void complete(PoemResult outcome) {
        Consumer<? super PoemResult> toCall;
        cache.lock.lock();
        try {
            if (state != State.WAITING) {
                return; // withdrawn meanwhile
            }
            state = State.DONE;
            result = outcome;
            ended.countDown();
            toCall = listener;
        } finally {
            cache.lock.unlock();
        }
        if (toCall != null) {
            toCall.accept(outcome);
        }
    }

    @Override
    public String toString() {
        cache.lock.lock();
        try {
            return "Ticket[" + state + "]";
        } finally {
            cache.lock.unlock();
        }
    }
}
