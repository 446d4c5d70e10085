package org.slowpoetry.clients;

import java.time.Duration;
import org.slowpoetry.protocol.Address;

/**
 * What became of one task: a poem or a failure. Sealed, so callers handle both:
 *
 * {@snippet :
 * switch (outcome) {
 *     case TaskOutcome.Fetched f -> System.out.println(f.poem().length + " bytes");
 *     case TaskOutcome.Failed f -> System.out.println("failed: " + f.reason());
 * }
 * }
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
     * The server sent a poem and closed. The poetry protocol cannot tell a whole poem from one the
     * server cut short (Part 12), so a short poem is still a poem.
     */
    record Fetched(int task, Address address, byte[] poem, Duration elapsed) implements TaskOutcome {
        @Override
        public int received() {
            return poem.length;
        }
    }

    /**
     * The task failed: could not connect, the connection broke, or it timed out.
     *
     * @param reason  one line, as printed after {@code Task N: }: {@code failed to connect to
     *                127.0.0.1:10001: Connection refused}; built by {@link PoetryLines}
     * @param partial the bytes that arrived before the failure (may be empty)
     */
    record Failed(int task, Address address, String reason, byte[] partial, Duration elapsed)
            implements TaskOutcome {
        @Override
        public int received() {
            return partial.length;
        }
    }
}
