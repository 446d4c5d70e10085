package org.slowpoetry.reactor;

import java.io.Serial;

/**
 * The reactor has stopped (or is stopping) and cannot take this on: a channel registered, a
 * connection made, a call scheduled after it stopped. Also the cause of the
 * {@link ConnectionLost} every connection still open gets when the reactor stops under it.
 *
 * <p><b>Threading:</b> immutable.
 */
public final class ReactorStoppedException extends IllegalStateException {
    @Serial
    private static final long serialVersionUID = 1L;

    public ReactorStoppedException(String message) {
        super(message);
    }
}
