package org.slowpoetry.fetch;

import java.util.Objects;

/**
 * How one download ended: the poem, or why there is none. Sealed, so a caller handles both:
 *
 * {@snippet :
 * switch (result) {
 *     case PoemResult.Poem(byte[] poem) -> System.out.println(poem.length + " bytes");
 *     case PoemResult.Failed(FetchFailure why, byte[] partial) -> System.err.println(why);
 * }
 * }
 *
 * <p><b>Threading:</b> immutable values: the arrays are copied in and out.
 */
public sealed interface PoemResult {

    /**
     * Every byte the server sent before it closed the connection, at least one; or a transform
     * server's whole reply (which may be empty: an empty poem transformed).
     */
    record Poem(byte[] poem) implements PoemResult {
        public Poem {
            poem = poem.clone();
        }

        @Override
        public byte[] poem() {
            return poem.clone();
        }
    }

    /** No poem: {@code failure} says why; {@code partial} holds the bytes that came first. */
    record Failed(FetchFailure failure, byte[] partial) implements PoemResult {
        public Failed {
            Objects.requireNonNull(failure, "failure");
            partial = partial.clone();
        }

        @Override
        public byte[] partial() {
            return partial.clone();
        }
    }
}
