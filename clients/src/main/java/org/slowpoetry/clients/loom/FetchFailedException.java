package org.slowpoetry.clients.loom;

import java.io.Serial;
import java.util.Objects;

/**
 * A download that could not get its poem: the server could not be reached, or the connection
 * broke before the server closed it. The message is the one line a client prints after
 * {@code Task N: } ({@code failed to connect to 127.0.0.1:10001: Connection refused}), worded by
 * {@link org.slowpoetry.clients.PoetryLines}; the cause is the socket's own exception.
 *
 * <p>In the Erlang client this is what a download process <em>crashes</em> with: its monitor reads
 * the message out of the {@link org.slowpoetry.loom.Down} notice, which is how Part 20's exercise 5
 * ("a more readable error message") is answered without a line of error handling in the process.
 *
 * <p><b>Threading:</b> immutable; thrown on a download's thread and read on any other.
 */
final class FetchFailedException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The bytes that arrived before the failure; never written after construction. */
    private final transient byte[] partial;

    /**
     * @param reason  one line, built by {@code PoetryLines}
     * @param partial the bytes that arrived before the failure (copied)
     * @param cause   the socket's exception
     */
    FetchFailedException(String reason, byte[] partial, Throwable cause) {
        super(Objects.requireNonNull(reason, "reason"), cause);
        this.partial = partial.clone();
    }

    /** The one-line reason, as printed after {@code Task N: }. */
    public String reason() {
        return getMessage();
    }

    /** The bytes that arrived before the failure (a copy; may be empty). */
    public byte[] partial() {
        return partial.clone();
    }
}
