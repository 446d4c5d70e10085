package org.slowpoetry.protocol;

import java.io.Serial;

/**
 * The peer sent bytes that a codec in this package cannot accept. The message names the problem and
 * the byte offset in the stream where it was found; the usual response is to close the connection.
 * Sealed so that a caller can catch one type for "the peer broke the protocol" and still switch over
 * the kinds.
 *
 * {@snippet :
 * try {
 *     decoder.feed(chunk, this::handle);
 * } catch (ProtocolException e) {
 *     log.warn("closing {}: {}", peer, e.getMessage()); // "... at offset 17"
 *     transport.loseConnection();
 * }
 * }
 *
 * <p><b>Threading:</b> immutable once thrown.
 */
public abstract sealed class ProtocolException extends RuntimeException
        permits NetstringException, LimitExceededException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final long offset;

    ProtocolException(String problem, long offset) {
        super(problem + " at offset " + offset);
        this.offset = offset;
    }

    /** Zero-based position in the stream of the byte where the problem was found. */
    public long offset() {
        return offset;
    }
}
