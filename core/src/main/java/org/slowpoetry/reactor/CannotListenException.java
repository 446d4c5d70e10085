package org.slowpoetry.reactor;

import java.io.IOException;
import java.io.Serial;

/**
 * {@link Reactor#listenTCP} could not bind: Twisted's {@code CannotListenError}. The message names
 * the address and the reason ({@code cannot listen on 127.0.0.1:10000: Address already in use}).
 *
 * <p><b>Threading:</b> immutable.
 */
public final class CannotListenException extends IOException {
    @Serial
    private static final long serialVersionUID = 1L;

    public CannotListenException(String message, Throwable cause) {
        super(message, cause);
    }
}
