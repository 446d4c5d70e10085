package org.slowpoetry.fetch;

import java.io.Serial;
import java.util.Objects;

/**
 * A download that did not bring a poem, for code that fetches with plain blocking calls
 * ({@link BlockingFetch}): the {@link FetchFailure} says why, {@link #partial()} holds the bytes
 * that did arrive. It is checked, so that sequential code on a virtual thread handles it where it
 * chooses, with an ordinary {@code try}/{@code catch}:
 *
 * {@snippet :
 * try {
 *     byte[] poem = BlockingFetch.fetch(address, settings, chunk -> { });
 * } catch (FetchException e) {
 *     switch (e.failure()) { ... }            // a value, as the reactor's Deferred would carry
 * }
 * }
 *
 * <p>The message is for logs and stack traces only ({@code --verbose}); what a user reads is made
 * from {@link #failure()} by the presentation layer.
 *
 * <p><b>Threading:</b> immutable; thrown on the fetching thread and read on any other.
 */
public final class FetchException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Why; immutable. */
    private final transient FetchFailure failure;
    /** The bytes that arrived before the failure; never written after construction. */
    private final transient byte[] partial;

    /**
     * @param failure why the poem did not arrive
     * @param partial the bytes that arrived before the failure (copied)
     * @param cause   what the JDK threw, or null
     */
    public FetchException(FetchFailure failure, byte[] partial, Throwable cause) {
        super(Objects.requireNonNull(failure, "failure").toString(), cause);
        this.failure = failure;
        this.partial = partial.clone();
    }

    /** Why the poem did not arrive. */
    public FetchFailure failure() {
        return failure;
    }

    /** The bytes that arrived before the failure (a copy; may be empty). */
    public byte[] partial() {
        return partial.clone();
    }
}
