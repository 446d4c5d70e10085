package org.slowpoetry.reactor;

import java.io.Serial;

/**
 * A loop-only method was called off the loop thread, or a blocking wait was called on it (which
 * would deadlock). Thrown at once instead, as Netty's {@code inEventLoop()} checks do.
 *
 * <p><b>Threading:</b> immutable.
 */
public final class WrongThreadException extends IllegalStateException {
    @Serial
    private static final long serialVersionUID = 1L;

    public WrongThreadException(String message) {
        super(message);
    }
}
