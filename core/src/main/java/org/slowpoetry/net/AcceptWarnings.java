package org.slowpoetry.net;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slowpoetry.time.MonotonicClock;

/**
 * The rate limit of one server's warnings about failed accepts: at most one every
 * {@link #every()}, however many threads accept. A server with one accepting thread has one
 * {@link AcceptBackoff} and needs nothing more; a server that accepts on several threads (a
 * reactor per core, each loop with its own {@code SO_REUSEPORT} socket) gives every loop's
 * back-off the same {@code AcceptWarnings}, so that the file limit, which every loop meets at once,
 * is still one line in the log.
 *
 * {@snippet :
 * var warnings = new AcceptWarnings(clock, AcceptBackoff.WARN_EVERY);
 * var loop0 = new AcceptBackoff(warnings);
 * var loop1 = new AcceptBackoff(warnings);
 * loop0.next().warn();   // true: the first failure of the server
 * loop1.next().warn();   // false: the server has warned within the minute
 * }
 *
 * <p><b>Threading:</b> thread-safe: {@link #tryWarn()} takes the next warning with a
 * compare-and-set, so of several threads failing at once exactly one warns.
 */
public final class AcceptWarnings {

    /** {@link #last} before the first warning. */
    private static final long NEVER = Long.MIN_VALUE;

    private final MonotonicClock clock;
    private final long everyNanos;
    /** When the last warning was given ({@link MonotonicClock#nanoTime()}), or {@link #NEVER}: any accepting thread, by CAS. */
    private final AtomicLong last = new AtomicLong(NEVER);

    /** At most one warning every {@code every}, measured on {@code clock}. */
    public AcceptWarnings(MonotonicClock clock, Duration every) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("the period must be positive: " + every);
        }
        this.everyNanos = every.toNanos();
    }

    /** Whether the caller may warn now; if so, the next warning waits a whole period from now. */
    public boolean tryWarn() {
        long now = clock.nanoTime();
        long previous = last.get();
        if (previous != NEVER && now - previous < everyNanos) {
            return false;
        }
        return last.compareAndSet(previous, now);
    }

    /** The shortest time between two warnings. */
    public Duration every() {
        return Duration.ofNanos(everyNanos);
    }
}
