package org.slowpoetry.clients.demo;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slowpoetry.cli.StatusLine;
import org.slowpoetry.clients.TaskListener;
import org.slowpoetry.time.MonotonicClock;

/**
 * Tells the user, on stderr, that the demo is working while a client runs:
 * {@code running blocking client... 1234/4336 bytes, 45 reads}. On a terminal (a live
 * {@link StatusLine}) the line is redrawn in place at most every {@link #REFRESH}; elsewhere (a pipe,
 * a test) only the start and the end are written, on one line.
 *
 * <p><b>Threading:</b> thread-safe. The counters are atomics written by whichever thread reports
 * a read; printing is serialized by {@code lock} (a thread that finds it taken skips its refresh,
 * so a busy terminal never delays a client).
 */
final class Progress implements TaskListener {
    static final Duration REFRESH = Duration.ofMillis(100);

    private final StatusLine status;
    private final MonotonicClock clock;
    private final String label;
    private final long expectedBytes;
    /** Written by reporting threads, read when printing. */
    private final AtomicLong bytes = new AtomicLong();
    /** Written by reporting threads, read when printing. */
    private final AtomicInteger reads = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    /** When the line was last written, in clock nanos; guarded by {@code lock}. */
    private long lastPrinted;

    /**
     * @param label         what is running, e.g. {@code blocking client}
     * @param expectedBytes the bytes a complete run receives
     * @param status        where it is shown (the caller's, which closes it); live: redrawn in place
     */
    Progress(StatusLine status, MonotonicClock clock, String label, long expectedBytes) {
        this.status = Objects.requireNonNull(status, "status");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.label = label;
        this.expectedBytes = expectedBytes;
    }

    /** Writes the opening {@code running ... client...}. */
    void begin() {
        lock.lock();
        try {
            lastPrinted = clock.nanoTime();
            if (status.live()) {
                status.show(progressLine());
            } else {
                status.print("running " + label + "...");
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void received(int task, int count) {
        bytes.addAndGet(count);
        reads.incrementAndGet();
        if (status.live() && lock.tryLock()) {
            try {
                long now = clock.nanoTime();
                if (now - lastPrinted >= REFRESH.toNanos()) {
                    lastPrinted = now;
                    status.show(progressLine());
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** Ends the line: {@code ... done, 230 reads in 0:00:10.3}. */
    void end(Duration total) {
        lock.lock();
        try {
            String done = " done, " + reads.get() + " reads in " + ShortDurations.format(total);
            status.println(status.live() ? "running " + label + "..." + done : done);
        } finally {
            lock.unlock();
        }
    }

    private String progressLine() {
        return "running " + label + "... " + bytes.get() + "/" + expectedBytes + " bytes, " + reads.get() + " reads";
    }
}
