package org.slowpoetry.net;

import java.time.Duration;
import java.util.Objects;
import org.slowpoetry.time.MonotonicClock;

/**
 * What a server does after each failed {@code accept()} in a row: pause {@link #FIRST}, then twice
 * the previous pause, never more than {@link #MAX}; and say so in the log at most once every
 * {@link #WARN_EVERY}. A failure such as "Too many open files" usually lasts until some connections
 * end; retrying at once would spin the accepting thread and flood the log, while a growing pause
 * lets the server pick up again soon after the cause has gone. At the file limit accepts fail and
 * succeed by turns, as connections end and new ones take their descriptors: the warning is
 * rate-limited across those runs too, not once per run.
 *
 * <p>Every server that accepts uses it: the thread-per-connection ones through
 * {@link BoundListener}, the reactor's listening port with a timer instead of a sleep.
 *
 * {@snippet :
 * var backoff = new AcceptBackoff(clock);
 * AcceptBackoff.Pause pause = backoff.next();   // 5 ms, warn: the first failure
 * backoff.next();                               // 10 ms, then 20, 40 ... 1 s, 1 s; no warning
 * backoff.reset();                              // an accept succeeded: the next failure pauses 5 ms
 * }
 *
 * <p><b>Threading:</b> not thread-safe; the accepting thread (or the reactor thread) owns it.
 */
public final class AcceptBackoff {

    /** The pause after the first failure of a run. */
    public static final Duration FIRST = Duration.ofMillis(5);
    /** The longest pause. */
    public static final Duration MAX = Duration.ofSeconds(1);
    /** At most one warning this often, however many failures and runs of failures there are. */
    public static final Duration WARN_EVERY = Duration.ofMinutes(1);

    /**
     * What to do after one failed accept.
     *
     * <p><b>Threading:</b> an immutable value.
     *
     * @param length how long to pause before accepting again
     * @param warn   whether to log this failure as a warning (else at debug level): the first
     *               failure, then at most once every {@link #WARN_EVERY} (for the whole server,
     *               when its accepting threads share an {@link AcceptWarnings})
     */
    public record Pause(Duration length, boolean warn) {
        public Pause {
            Objects.requireNonNull(length, "length");
        }
    }

    /** The warnings' rate limit: this back-off's own, or one shared by a server's accepting threads. */
    private final AcceptWarnings warnings;

    // All fields below: the owning thread only.
    /** The next pause to hand out. */
    private Duration next = FIRST;
    /** Failures since the last success. */
    private int failures;

    /** A back-off that measures {@link #WARN_EVERY} on {@code clock}. */
    public AcceptBackoff(MonotonicClock clock) {
        this(new AcceptWarnings(clock, WARN_EVERY));
    }

    /**
     * A back-off whose warnings share {@code warnings}' rate limit with the other accepting threads
     * of the same server (see {@link AcceptWarnings}).
     */
    public AcceptBackoff(AcceptWarnings warnings) {
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    /** Counts one more failure and returns the pause before the next accept, and whether to warn. */
    public Pause next() {
        failures++;
        Duration pause = next;
        next = next.multipliedBy(2).compareTo(MAX) > 0 ? MAX : next.multipliedBy(2);
        return new Pause(pause, warnings.tryWarn());
    }

    /** An accept succeeded: the run of failures is over (the warning's rate limit goes on). */
    public void reset() {
        next = FIRST;
        failures = 0;
    }

    /** Failures since the last success: 1 right after the first one of a run. */
    public int failures() {
        return failures;
    }
}
