package org.slowpoetry.protocol;

import java.io.Serial;

/**
 * A poem or a line grew past the size limit its reader was configured with. Thrown before the
 * offending bytes are buffered, so a peer cannot make the reader hold more than the limit.
 * Message: {@code line longer than 1024 bytes at offset 1030}.
 *
 * <p><b>Threading:</b> immutable once thrown.
 */
public final class LimitExceededException extends ProtocolException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String what;
    private final long limit;

    /**
     * Reports that {@code what} passed {@code limit}.
     *
     * @param what   what grew too large ("poem", "line")
     * @param limit  the configured maximum, in bytes
     * @param offset stream offset of the first byte beyond the limit
     */
    LimitExceededException(String what, long limit, long offset) {
        super(what + " longer than " + limit + " bytes", offset);
        this.what = what;
        this.limit = limit;
    }

    /** What grew too large: {@code "poem"} or {@code "line"}. */
    public String what() {
        return what;
    }

    /** The configured maximum, in bytes. */
    public long limit() {
        return limit;
    }
}
