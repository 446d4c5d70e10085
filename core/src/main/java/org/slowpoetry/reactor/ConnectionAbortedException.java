package org.slowpoetry.reactor;

import java.io.IOException;
import java.io.Serial;

/**
 * The cause of the {@link ConnectionLost} a protocol gets after its own side called
 * {@link Transport#abortConnection()}: Twisted's {@code ConnectionAborted}.
 *
 * <p><b>Threading:</b> immutable.
 */
public final class ConnectionAbortedException extends IOException {
    @Serial
    private static final long serialVersionUID = 1L;

    public ConnectionAbortedException(String message) {
        super(message);
    }
}
