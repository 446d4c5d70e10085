package org.slowpoetry.net;

import java.time.Duration;

/**
 * The pause an {@link AcceptLoop} takes after each failed {@code accept()} in a row: {@link #FIRST},
 * then twice the previous pause, never more than {@link #MAX}. A failure such as "Too many open
 * files" usually lasts until some connections end; retrying at once would spin the accepting thread
 * and flood the log, while a growing pause lets the server pick up again soon after the cause has
 * gone.
 *
 * {@snippet :
 * var backoff = new AcceptBackoff();
 * backoff.next();   // 5 ms
 * backoff.next();   // 10 ms, then 20, 40 ... 1 s, 1 s
 * backoff.reset();  // an accept succeeded: the next failure pauses 5 ms again
 * }
 *
 * <p><b>Threading:</b> not thread-safe; the accepting thread owns it.
 */
final class AcceptBackoff {

    /** The pause after the first failure of a run. */
    static final Duration FIRST = Duration.ofMillis(5);
    /** The longest pause. */
    static final Duration MAX = Duration.ofSeconds(1);

    /** The next pause to hand out. Accepting thread only. */
    private Duration next = FIRST;
    /** Failures since the last success. Accepting thread only. */
    private int failures;

    /** Counts one more failure and returns how long to pause before the next accept. */
    Duration next() {
        failures++;
        Duration pause = next;
        next = next.multipliedBy(2).compareTo(MAX) > 0 ? MAX : next.multipliedBy(2);
        return pause;
    }

    /** An accept succeeded: the run of failures is over. */
    void reset() {
        next = FIRST;
        failures = 0;
    }

    /** Failures since the last success: 1 right after the first one of a run. */
    int failures() {
        return failures;
    }
}
