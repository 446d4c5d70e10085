package org.slowpoetry.defer;

import java.util.Objects;

/**
 * How one Deferred in a {@link DeferredList} or {@link DeferredDict} ended: Twisted's
 * {@code (success, result)} pair, {@code (True, value)} or {@code (False, failure)}, as a sealed
 * type so that a caller handles both cases.
 *
 * {@snippet :
 * for (Outcome<String> outcome : outcomes) {
 *     switch (outcome) {
 *         case Outcome.Success<String>(var poem) -> System.out.println(poem);
 *         case Outcome.Failed<String>(var failure) -> System.err.println("Poem failed: " + failure);
 *     }
 * }
 * }
 *
 * <p><b>Threading:</b> immutable (the value inside is whatever the Deferred produced).
 *
 * @param <T> the type of a successful result
 */
public sealed interface Outcome<T> {

    /** Twisted's first tuple element: {@code true} for a result, {@code false} for a failure. */
    boolean succeeded();

    /** The Deferred fired with {@code value} (which may be {@code null}). */
    record Success<T>(T value) implements Outcome<T> {
        @Override
        public boolean succeeded() {
            return true;
        }

        /** {@code (true, value)}, like the text's {@code (True, 'd1 result')}. */
        @Override
        public String toString() {
            return "(true, " + value + ")";
        }
    }

    /** The Deferred failed with {@code failure}. */
    record Failed<T>(Failure failure) implements Outcome<T> {
        public Failed {
            Objects.requireNonNull(failure, "failure");
        }

        @Override
        public boolean succeeded() {
            return false;
        }

        /** {@code (false, [Failure instance: ...])}. */
        @Override
        public String toString() {
            return "(false, " + failure + ")";
        }
    }
}
