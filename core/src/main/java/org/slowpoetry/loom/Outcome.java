package org.slowpoetry.loom;

import java.util.Objects;

/**
 * What became of one subtask run by {@link Scopes#forEachInOrder}: its value or its failure.
 * Sealed, so a caller handles both:
 *
 * {@snippet :
 * for (Outcome<byte[]> outcome : Scopes.forEachInOrder(addresses, timeout, this::fetch)) {
 *     switch (outcome) {
 *         case Outcome.Success(byte[] poem) -> print(poem);
 *         case Outcome.Failure(Throwable why) -> System.err.println("failed: " + why.getMessage());
 *     }
 * }
 * }
 *
 * <p><b>Threading:</b> immutable values (the value itself is whatever the task returned).
 *
 * @param <T> the type of the subtask's value
 */
public sealed interface Outcome<T> {

    /** The subtask returned {@code value} (which may be null). */
    record Success<T>(T value) implements Outcome<T> {
    }

    /**
     * The subtask threw {@code cause}, or did not finish before the scope's deadline, in which
     * case {@code cause} is a {@link java.util.concurrent.TimeoutException} naming the task.
     */
    record Failure<T>(Throwable cause) implements Outcome<T> {
        public Failure {
            Objects.requireNonNull(cause, "cause");
        }
    }
}
