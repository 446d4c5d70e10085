package org.slowpoetry.reactor;

import java.util.Objects;

/**
 * The connection ended uncleanly, and {@code cause} says how: an I/O error (reset by the peer, a
 * broken pipe), {@link ConnectionAbortedException} after {@link Transport#abortConnection()},
 * {@link ReactorStoppedException} when the reactor stopped under it, or an exception a protocol
 * callback threw.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param cause what ended it, never null
 */
public record ConnectionLost(Throwable cause) implements ConnectionClosed {

    public ConnectionLost {
        Objects.requireNonNull(cause, "cause");
    }

    @Override
    public String message() {
        String detail = cause.getMessage();
        return "connection lost: " + (detail == null ? cause.getClass().getSimpleName() : detail);
    }
}
