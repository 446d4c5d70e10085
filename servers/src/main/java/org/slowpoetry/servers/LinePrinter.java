package org.slowpoetry.servers;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Output lines written off the hot path: the threads that serve clients (connection threads, a
 * reactor loop) {@linkplain #println hand lines} to a bounded queue, and one platform thread of the
 * printer's own writes them through a buffered writer, flushing whenever the queue runs empty. A
 * server then pays an enqueue per line, not a write system call.
 *
 * <p>The contract:
 * <ul>
 *   <li><b>Order.</b> Lines come out in the order {@link #println} was called (one queue, one
 *       writer), so each connection's lines keep their order.
 *   <li><b>Never blocks.</b> {@link #println} never waits: a reactor loop may call it. When the
 *       queue is full (the output cannot keep up: a slow terminal), the line is dropped and counted;
 *       once the queue has drained, one line on {@code err} says how many were dropped
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
     * An ArrayBlockingQueue: offer() never blocks, take() parks the printer while there is nothing
     * to print. The printer takes one line, then drains whatever else is queued without waiting,
     * and flushes only when the queue is empty: under load many lines share one write. close()
     * moves the state to CLOSING and queues a marker, behind every line already queued; the printer
     * writes up to the marker, flushes and ends. A line offered while CLOSING that lands behind the
     * marker is the caller's misuse race and is not printed.
     */

    /** How many lines may wait; a full queue drops lines rather than block the caller. */
    public static final int DEFAULT_CAPACITY = 65_536;

    /** The longest {@link #close} waits for the printer to write what is queued. */
    public static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(LinePrinter.class);

    /** Queued by {@link #close}: the printer ends when it takes it (compared by identity). */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String END = new String("end of output");

    private enum State { OPEN, CLOSING }

    private final BlockingQueue<String> queue;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Thread thread;
    /** Set by {@link #close} (any thread), read by {@link #println} callers. */
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
        this.queue = new ArrayBlockingQueue<>(capacity);
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
        if (!queue.offer(line)) {
            dropped.incrementAndGet();
        }
    }

    /** Prints what was queued before, flushes, and ends the printer's thread. Idempotent. */
    @Override
    public void close() {
        if (state.compareAndSet(State.OPEN, State.CLOSING)) {
            putUninterruptibly(END);
        }
        try {
            if (!thread.join(CLOSE_WAIT)) {
                LOG.warn("the output printer did not finish within {}; lines may be lost", CLOSE_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void putUninterruptibly(String marker) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    if (queue.offer(marker, CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                        return;
                    }
                    LOG.warn("the output queue stayed full for {}", CLOSE_WAIT);
                    thread.interrupt(); // no room for the marker: end the printer where it is
                    return;
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

    /** The printer thread's loop. */
    private void print() {
        try {
            while (true) {
                String line = queue.take();
                while (line != null && line != END) {
                    out.write(line);
                    out.write(System.lineSeparator());
                    line = queue.poll();
                }
                flush();
                if (line == END) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            flush(); // close gave up waiting: what was written goes out
        }
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
