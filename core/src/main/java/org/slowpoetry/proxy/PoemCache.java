package org.slowpoetry.proxy;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.slowpoetry.fetch.PoemResult;
import org.slowpoetry.time.MonotonicClock;

/**
 * The caching proxy's one poem (Part 14), with the text's exercises done once for every style:
 * a cached poem expires after {@code ttl} on the injected clock (exercise 14.2), and requests that
 * arrive while a download is in flight wait for that same download (exercise 14.3: single flight),
 * so the upstream is contacted once however many clients ask at once.
 *
 * <pre>
 *            request()                      download ends with a poem
 *   EMPTY ───────────────▶ FETCHING ──────────────────────────────────▶ CACHED
 *     ▲                     │  │  request(): Joined                       │
 *     │  download fails,    │  └──────────┘                               │ request(): Cached
 *     └─ or every ticket ───┘                                             │ while younger than ttl;
 *        was withdrawn                           EMPTY ◀── older than ttl ┘
 * </pre>
 *
 * {@link #request()} never blocks, so the reactor may call it on its loop: it answers the poem, or
 * a {@link Ticket} that the reactor listens to and a virtual thread awaits. If the download fails,
 * every ticket gets the same failure and the cache is empty again, so the next request tries anew.
 * When the last ticket of a download is withdrawn (its clients all left), the download is
 * cancelled: that is proxy 3.0's cancel on disconnect.
 *
 * {@snippet :
 * var cache = new PoemCache(upstream, Duration.ofHours(2), MonotonicClock.system());
 * switch (cache.request()) {
 *     case Request.Cached(ByteBuffer poem) -> send(poem);
 *     case Request.Fetching(Ticket t) -> t.onDone(this::send);
 *     case Request.Joined(Ticket t) -> t.onDone(this::send);
 * }
 * }
 *
 * <p><b>Threading:</b> thread-safe: every state change is made under one lock, held briefly and
 * never while calling out. {@link Upstream#start}, {@link Upstream.Download#cancel()} and ticket
 * listeners are called on the thread whose call caused them (the one that requested, withdrew, or
 * ended the download), with the lock released.
 */
public final class PoemCache {

    /* Implementation overview
     *
     * A Flight is one download: its tickets, and the Download handle once Upstream.start has
     * returned. The cache's `flight` field is the current one while FETCHING. A flight leaves
     * RUNNING exactly once, under the lock: ENDED when its result arrives, ABANDONED when its last
     * ticket is withdrawn, the cache closes, or start() throws. A result that arrives for a flight
     * that is no longer RUNNING (a cancelled download that reports anyway) is dropped.
     *
     * start() is called outside the lock (it may call back into finish() on the same thread, or
     * another thread may join, withdraw or end it meanwhile), then the handle is attached under the
     * lock. If the flight was abandoned in between, nobody could cancel the handle yet, so attach()
     * cancels it.
     */

    /** Where the cache is. */
    public enum State {
        /** No poem, no download: the next request starts one. */
        EMPTY,
        /** A download is in flight; requests join it. */
        FETCHING,
        /** A poem younger than the ttl: requests get it at once. */
        CACHED,
        /** {@link #close()}d: requests are refused. */
        CLOSED
    }

    /** One download and the tickets waiting for it. Guarded by the cache's lock. */
    static final class Flight {
        enum Phase { RUNNING, ENDED, ABANDONED }

        final List<Ticket> tickets = new ArrayList<>();
        Phase phase = Phase.RUNNING;
        /** Null until Upstream.start has returned. */
        Upstream.Download download;
    }

    /** Guards every mutable field here and in the tickets. */
    final ReentrantLock lock = new ReentrantLock();

    private final Upstream upstream;
    private final Duration ttl;
    private final MonotonicClock clock;

    // Written and read under lock.
    private State state = State.EMPTY;
    /** The download in flight while FETCHING, else null. */
    private Flight flight;
    /** The poem while CACHED (read-only), else null. */
    private ByteBuffer poem;
    /** clock.nanoTime() when the poem arrived; meaningful while CACHED. */
    private long cachedAt;

    /**
     * @param upstream where poems come from
     * @param ttl      how long a poem is served from the cache; zero serves each poem only to the
     *                 requests that waited for its download
     * @param clock    the clock the age of a poem is measured on
     */
    public PoemCache(Upstream upstream, Duration ttl, MonotonicClock clock) {
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must not be negative: " + ttl);
        }
    }

    /**
     * The poem, or a ticket for the download that brings it: starting that download if none is in
     * flight. Never blocks (beyond the brief lock and {@link Upstream#start}, which must not block).
     *
     * @throws IllegalStateException if the cache is closed
     * @throws RuntimeException      what {@link Upstream#start} threw (a stopped reactor); the
     *                               download is abandoned, its tickets withdrawn, the cache empty
     */
    public Request request() {
        Flight started;
        Ticket ticket;
        lock.lock();
        try {
            switch (currentState()) {
                case CLOSED -> throw new IllegalStateException("the poem cache is closed");
                case CACHED -> {
                    return new Request.Cached(poem);
                }
                case FETCHING -> {
                    return new Request.Joined(newTicket(flight));
                }
                case EMPTY -> {
                    started = new Flight();
                    flight = started;
                    state = State.FETCHING;
                    ticket = newTicket(started);
                }
                default -> throw new AssertionError(state);
            }
        } finally {
            lock.unlock();
        }
        Upstream.Download download;
        try {
            download = upstream.start(result -> finish(started, result));
        } catch (RuntimeException | Error e) {
            abandon(started);
            throw e;
        }
        attach(started, download);
        return new Request.Fetching(ticket);
    }

    /** Where the cache is now (a poem past its ttl counts as gone: EMPTY). */
    public State state() {
        lock.lock();
        try {
            return currentState();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes the cache: cancels a download in flight and withdraws its tickets (their listeners are
     * never called; {@link Ticket#await()} throws), drops the poem. Idempotent.
     */
    public void close() {
        Flight abandoned;
        lock.lock();
        try {
            abandoned = state == State.FETCHING ? flight : null;
            state = State.CLOSED;
            flight = null;
            poem = null;
        } finally {
            lock.unlock();
        }
        if (abandoned != null) {
            abandon(abandoned);
        }
    }

    @Override
    public String toString() {
        return "PoemCache[" + state() + ", ttl " + ttl + "]";
    }

    // ---- the ticket's and the download's calls ----

    void withdraw(Ticket ticket) {
        Upstream.Download toCancel = null;
        lock.lock();
        try {
            if (!ticket.markWithdrawn()) {
                return;
            }
            Flight f = ticket.flight;
            f.tickets.remove(ticket);
            if (f.phase == Flight.Phase.RUNNING && f.tickets.isEmpty()) {
                toCancel = end(f, Flight.Phase.ABANDONED); // null if start() has not returned: attach() cancels
            }
        } finally {
            lock.unlock();
        }
        if (toCancel != null) {
            toCancel.cancel();
        }
    }

    private void finish(Flight f, PoemResult result) {
        Objects.requireNonNull(result, "result");
        List<Ticket> waiting;
        lock.lock();
        try {
            if (f.phase != Flight.Phase.RUNNING) {
                return; // a cancelled download reporting anyway
            }
            end(f, Flight.Phase.ENDED);
            if (result instanceof PoemResult.Poem(byte[] bytes)) {
                state = State.CACHED;
                poem = ByteBuffer.wrap(bytes).asReadOnlyBuffer();
                cachedAt = clock.nanoTime();
            }
            waiting = List.copyOf(f.tickets);
            f.tickets.clear();
        } finally {
            lock.unlock();
        }
        for (Ticket t : waiting) {
            t.complete(result);
        }
    }

    // ---- under the lock ----

    private State currentState() {
        if (state == State.CACHED && clock.since(cachedAt).compareTo(ttl) >= 0) {
            state = State.EMPTY;
            poem = null;
        }
        return state;
    }

    private Ticket newTicket(Flight f) {
        Ticket t = new Ticket(this, f);
        f.tickets.add(t);
        return t;
    }

    /** Takes {@code f} out of RUNNING (and the cache out of FETCHING); returns its download handle. */
    private Upstream.Download end(Flight f, Flight.Phase how) {
        f.phase = how;
        if (flight == f) {
            flight = null;
            state = State.EMPTY; // finish() moves on to CACHED with a poem
        }
        return f.download;
    }

    // ---- outside the lock ----

    private void attach(Flight f, Upstream.Download download) {
        Objects.requireNonNull(download, "Upstream.start returned no download");
        boolean cancelNow;
        lock.lock();
        try {
            f.download = download;
            cancelNow = f.phase == Flight.Phase.ABANDONED;
        } finally {
            lock.unlock();
        }
        if (cancelNow) {
            download.cancel();
        }
    }

    /** Abandons {@code f} if it still runs: withdraws its tickets and cancels its download. */
    private void abandon(Flight f) {
        Upstream.Download toCancel;
        lock.lock();
        try {
            if (f.phase != Flight.Phase.RUNNING) {
                return;
            }
            toCancel = end(f, Flight.Phase.ABANDONED);
            for (Ticket t : f.tickets) {
                t.markWithdrawn();
            }
            f.tickets.clear();
        } finally {
            lock.unlock();
        }
        if (toCancel != null) {
            toCancel.cancel();
        }
    }
}
