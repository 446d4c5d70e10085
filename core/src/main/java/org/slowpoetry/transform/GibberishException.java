package org.slowpoetry.transform;

import java.io.Serial;

/**
 * The text's {@code GibberishError} (Parts 9 and 10): the transformation decided its input is not
 * a genuine poem, so a client treats the download as failed.
 *
 * <p><b>Threading:</b> immutable.
 */
public final class GibberishException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    public GibberishException() {
        super("the input is not a genuine poem");
    }
}
