package org.slowpoetry.reactor;

import java.io.Serial;

/**
 * A {@link DelayedCall} that has already run was cancelled, reset or delayed.
 *
 * <p><b>Threading:</b> immutable.
 */
public final class AlreadyCalledException extends IllegalStateException {
    @Serial
    private static final long serialVersionUID = 1L;

    public AlreadyCalledException(String message) {
        super(message);
    }
}
