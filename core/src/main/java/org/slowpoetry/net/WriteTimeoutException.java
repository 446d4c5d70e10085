package org.slowpoetry.net;

import java.io.IOException;
import java.io.Serial;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * A write to a peer was given up: the peer took none of the bytes for the write timeout (it does not
 * read, or reads so little that nothing moves), and its connection was closed. Thrown by the writes
 * of a {@link WriteWatchdog}; the reactor's transports lose their connection with it.
 *
 * <p><b>Threading:</b> immutable.
 */
public final class WriteTimeoutException extends IOException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The timeout that expired, in the message and here. */
    private final Duration timeout;

    /** The peer took no bytes for {@code timeout}; {@code cause} is what the closed socket threw, or null. */
    public WriteTimeoutException(Duration timeout, Throwable cause) {
        super("the peer took no bytes for " + seconds(timeout) + " (the write timeout)", cause);
        this.timeout = timeout;
    }

    /** The timeout that expired. */
    public Duration timeout() {
        return timeout;
    }

    /** {@code 30 s}, {@code 0.25 s}: as {@code --write-timeout} takes it. */
    static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }
}
