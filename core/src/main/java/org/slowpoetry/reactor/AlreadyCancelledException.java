package org.slowpoetry.reactor;

import java.io.Serial;

/**
 * A {@link DelayedCall} that was cancelled was cancelled, reset or delayed again.
 *
 * <p><b>Threading:</b> immutable.
 */
public final class AlreadyCancelledException extends IllegalStateException {
    @Serial
    private static final long serialVersionUID = 1L;

    public AlreadyCancelledException(String message) {
        super(message);
    }
}
