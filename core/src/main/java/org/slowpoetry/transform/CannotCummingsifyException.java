package org.slowpoetry.transform;

import java.io.Serial;
import java.util.Objects;

/**
 * The text's {@code CannotCummingsify} (client 5.1, Part 10): the transformation hit a bug, and
 * carries the original poem so that an errback can fall back to it
 * ({@code err.value.args[0]} in the text, {@link #poem()} here).
 *
 * <p><b>Threading:</b> immutable.
 */
public final class CannotCummingsifyException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String poem;

    public CannotCummingsifyException(String poem) {
        super("cannot cummingsify the poem");
        this.poem = Objects.requireNonNull(poem, "poem");
    }

    /** The poem that could not be transformed. */
    public String poem() {
        return poem;
    }
}
