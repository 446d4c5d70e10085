package org.slowpoetry.transform;

import java.io.Serial;

/**
 * A transformation request that cannot be read: no dot between the name and the poem, no name, or
 * bytes that are not UTF-8. A server answers it by closing the connection (Part 12).
 *
 * <p><b>Threading:</b> immutable once thrown.
 */
public final class BadTransformRequestException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** @param problem what is wrong, one line */
    public BadTransformRequestException(String problem) {
        super(problem);
    }
}
