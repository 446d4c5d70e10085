package org.slowpoetry.protocol;

import java.io.Serial;
import java.util.Objects;

/**
 * A malformed netstring, or a stream that ended inside one. {@link #problem()} says which rule was
 * broken, {@link #offset()} where, and the message says both for a log line:
 * {@code expected ',' after a 5-byte netstring payload, got 'x' at offset 8}.
 *
 * <p><b>Threading:</b> immutable once thrown.
 */
public final class NetstringException extends ProtocolException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The rule a netstring stream broke, one constant per way of being malformed. */
    public enum Problem {
        /** The length's first byte is neither a digit nor {@code ':'} ({@code "x:abc,"}). */
        NON_DIGIT_LENGTH,
        /** A length of more than one digit starts with {@code '0'} ({@code "05:hello,"}); only {@code "0"} may. */
        LEADING_ZERO,
        /** The length has no digits at all ({@code ":abc,"}). */
        EMPTY_LENGTH,
        /** The length's digits are followed by something other than a digit or {@code ':'} ({@code "5x"}). */
        MISSING_COLON,
        /** The payload is followed by something other than {@code ','} ({@code "3:abc;"}). */
        MISSING_COMMA,
        /** The length's digits read so far already exceed the decoder's maximum. */
        TOO_LONG,
        /** The stream ended in the middle of a netstring: the message says how far it got. */
        TRUNCATED
    }

    private final Problem problem;

    NetstringException(Problem problem, String detail, long offset) {
        super(detail, offset);
        this.problem = Objects.requireNonNull(problem);
    }

    /** Which rule was broken. */
    public Problem problem() {
        return problem;
    }
}
