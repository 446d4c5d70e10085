package org.slowpoetry.clients;

import java.time.Duration;
import java.util.Objects;
import org.slowpoetry.fetch.FetchFailure;
import org.slowpoetry.protocol.Address;

/**
 * What became of one task: a poem or a failure. Sealed, so callers handle both:
 *
 * {@snippet :
 * switch (outcome) {
 *     case TaskOutcome.Fetched f -> System.out.println(f.poem().length + " bytes");
 *     case TaskOutcome.Failed f -> System.out.println("failed: " + PoetryLines.reason(f.failure()));
 * }
 * }
 *
 * <p>Made only by {@link PoemTask}, the one task state machine every style drives.
 *
 * <p><b>Threading:</b> immutable values (the byte arrays are never written after construction).
 */
public sealed interface TaskOutcome {

    /** 1-based task number: the address's position on the command line. */
    int task();

    Address address();

    /** From the start of the task to its end. */
    Duration elapsed();

    /** How many bytes arrived: the whole poem, or the part that came before the failure. */
    int received();

    /**
     * The server sent a poem (at least one byte) and closed. The poetry protocol cannot tell a whole
     * poem from one the server cut short (Part 12), so a short poem is still a poem.
     */
    record Fetched(int task, Address address, byte[] poem, Duration elapsed) implements TaskOutcome {
        public Fetched {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(poem, "poem");
            Objects.requireNonNull(elapsed, "elapsed");
        }

        @Override
        public int received() {
            return poem.length;
        }
    }

    /**
     * The task failed; {@code failure} says why, as a value (worded by {@link PoetryLines#reason}).
     *
     * @param partial the bytes that arrived before the failure (may be empty)
     */
    record Failed(int task, Address address, FetchFailure failure, byte[] partial, Duration elapsed)
            implements TaskOutcome {
        public Failed {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(partial, "partial");
            Objects.requireNonNull(elapsed, "elapsed");
        }

        @Override
        public int received() {
            return partial.length;
        }
    }
}
