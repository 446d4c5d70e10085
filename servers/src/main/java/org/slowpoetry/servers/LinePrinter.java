package org.slowpoetry.servers;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Output lines written off the hot path: the threads that serve clients (connection threads, a
 * reactor loop) {@linkplain #println hand lines} to a bounded queue, and one platform thread of the
 * printer's own writes them, a batch at a time, flushing once per batch. A server then pays an
 * enqueue per line, not a write system call or a thread wake-up.
 *
 * <p>The contract:
 * <ul>
 *   <li><b>Order.</b> Lines come out in the order {@link #println} was called (one queue, one
 *       writer), so each connection's lines keep their order.
 *   <li><b>Soon.</b> A line is out (flushed) within about {@link #TICK} of being handed in.
 *   <li><b>Never blocks.</b> {@link #println} never waits: a reactor loop may call it. When the
 *       queue is full (the output cannot keep up: a slow terminal), the line is dropped and counted;
 *       at the next flush, one line on {@code err} says how many were dropped
 *       ({@code (N output lines dropped: the output could not keep up)}). The lines that are
 *       printed stay in order.
 *   <li><b>All out by close.</b> {@link #close} writes and flushes every line handed in before it,
 *       then ends the printer's thread (waiting at most {@link #CLOSE_WAIT}). A line handed in after
 *       {@code close} is misuse and throws {@link IllegalStateException}.
 * </ul>
 *
 * <p><b>Threading:</b> {@link #println} is safe from any thread; {@link #close} from any thread,
 * once or more (the first closes). The printer thread is the only one to touch the writers.
 */
public final class LinePrinter implements AutoCloseable {

    /* Implementation overview
     *
     * The printer polls: it writes all that is queued, flushes, and when nothing was queued parks
     * for a TICK. Nobody waits on the queue, so a println never has to wake anyone, and the queue
     * is lock-free (a ConcurrentLinkedQueue, bounded by a count the caller reserves a place in):
     * the caller pays two atomic increments and a compare-and-set, never a lock the printer holds.
     * The first version took() lines and flushed whenever the queue ran empty; at 10,000 slow
     * clients that was a wake-up and a write(2) per line or two, and it cost the loom server 45%
     * more CPU than --quiet (see the stats branch's report). close() sets CLOSING and unparks the
     * printer, which drains once more (everything queued before close is in the queue) and ends.
     */

    /** How many lines may wait; a full queue drops lines rather than block the caller. */
    public static final int DEFAULT_CAPACITY = 65_536;

    /** How long the printer sleeps when there was nothing to print: the most a line waits. */
    public static final Duration TICK = Duration.ofMillis(10);

    /** The longest {@link #close} waits for the printer to write what is queued. */
    public static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(LinePrinter.class);

    private enum State { OPEN, CLOSING }

    private final Queue<String> queue = new ConcurrentLinkedQueue<>();
    private final int capacity;
    /** Lines in the queue: reserved by callers before they add one, released by the printer. */
    private final AtomicInteger queued = new AtomicInteger();
    private final PrintWriter out;
    private final PrintWriter err;
    private final Thread thread;
    /** Set by {@link #close} (any thread), read by {@link #println} callers and the printer. */
    private final AtomicReference<State> state = new AtomicReference<>(State.OPEN);
    /** Lines dropped since the last drop line: added to by callers, reset by the printer. */
    private final AtomicLong dropped = new AtomicLong();

    /**
     * Starts a printer of lines onto {@code out}, with its drop lines on {@code err}, holding at
     * most {@code capacity} lines; neither writer is closed by it (they are flushed).
     */
    public LinePrinter(PrintWriter out, PrintWriter err, int capacity, String threadName) {
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity + " < 1");
        }
        this.capacity = capacity;
        this.thread = Thread.ofPlatform().name(threadName).start(this::print);
    }

    /**
     * Queues {@code line} (without its line end) to be printed; drops it if the queue is full.
     *
     * @throws IllegalStateException after {@link #close}
     */
    public void println(String line) {
        Objects.requireNonNull(line, "line");
        if (state.get() != State.OPEN) {
            throw new IllegalStateException("the printer is closed; no line after close: " + line);
        }
        if (queued.incrementAndGet() > capacity) {
            queued.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        queue.add(line);
    }

    /** Prints what was queued before, flushes, and ends the printer's thread. Idempotent. */
    @Override
    public void close() {
        state.set(State.CLOSING);
        LockSupport.unpark(thread);
        try {
            if (!thread.join(CLOSE_WAIT)) {
                LOG.warn("the output printer did not finish within {}; lines may be lost", CLOSE_WAIT);
                thread.interrupt();
            }
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
        }
    }

    /** The printer thread's loop; it ends once closing and drained, or when interrupted. */
    private void print() {
        while (!Thread.currentThread().isInterrupted()) {
            boolean closing = state.get() == State.CLOSING; // read first: lines queued before close are in
            int printed = 0;
            for (String line; (line = queue.poll()) != null; printed++) {
                queued.decrementAndGet();
                out.write(line);
                out.write(System.lineSeparator());
            }
            if (printed > 0 || dropped.get() > 0) {
                flush();
            }
            if (closing) {
                return;
            }
            if (printed == 0) {
                LockSupport.parkNanos(this, TICK.toNanos()); // close() unparks
            }
        }
        flush(); // close gave up waiting: what was written goes out
    }

    private void flush() {
        out.flush();
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            err.println("(" + lost + " output lines dropped: the output could not keep up)");
            err.flush();
        }
    }
}
