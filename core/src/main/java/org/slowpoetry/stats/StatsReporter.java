package org.slowpoetry.stats;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hands a {@link RuntimeStats} line to a consumer every interval ({@code serve --stats SECONDS}),
 * from a platform thread of its own. It owns the stats: {@link #close()} ends the thread and then
 * the stats' recording.
 *
 * <p><b>Threading:</b> the consumer runs on the reporter's thread; {@link #close()} may be called
 * from any thread, more than once.
 */
public final class StatsReporter implements AutoCloseable {

    /** How long {@link #close()} waits for a line being handed out. */
    public static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final RuntimeStats stats;
    private final Duration every;
    private final Consumer<String> out;
    /** Counted down by {@link #close()}; the reporter's thread waits on it between lines. */
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread thread;

    private StatsReporter(RuntimeStats stats, Duration every, Consumer<String> out, String threadName) {
        this.stats = Objects.requireNonNull(stats, "stats");
        this.every = Objects.requireNonNull(every, "every");
        this.out = Objects.requireNonNull(out, "out");
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("the interval must be positive, not " + every);
        }
        this.thread = Thread.ofPlatform().name(threadName).unstarted(this::report);
    }

    /**
     * Starts reporting {@code stats}, one {@link StatsLine#format() line} to {@code out} every
     * {@code every}; the first after one interval.
     *
     * @throws IllegalArgumentException if {@code every} is not positive
     */
    public static StatsReporter start(RuntimeStats stats, Duration every, Consumer<String> out, String threadName) {
        var reporter = new StatsReporter(stats, every, out, threadName);
        reporter.thread.start();
        return reporter;
    }

    private void report() {
        try {
            while (!closed.await(every.toNanos(), TimeUnit.NANOSECONDS)) {
                out.accept(stats.interval().format());
            }
        } catch (InterruptedException e) {
            // close() gave up waiting for a line that would not go out: end
        }
    }

    /**
     * Stops the lines, ends the thread (interrupting it if a line has not gone out within
     * {@link #CLOSE_WAIT}), then closes the stats.
     */
    @Override
    public void close() {
        closed.countDown();
        try {
            if (!thread.join(CLOSE_WAIT)) {
                thread.interrupt();
                thread.join(CLOSE_WAIT);
            }
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
        } finally {
            stats.close();
        }
    }
}
