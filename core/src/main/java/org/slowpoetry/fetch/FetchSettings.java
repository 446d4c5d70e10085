package org.slowpoetry.fetch;

import java.time.Duration;
import java.util.Objects;
import org.slowpoetry.protocol.PoemFraming;
import org.slowpoetry.protocol.PoetryProtocol;

/**
 * The bounds every download works within, whatever its style: how long it waits, how much it
 * takes, and how the poem is framed.
 *
 * <ul>
 *   <li>{@code timeout}: the longest a connect may take, and the longest the server may stay
 *       silent once connected (an idle read). It is not a bound on the whole poem: a slow server
 *       that keeps sending is never cut off, a silent one always is. This is the timeout the text's
 *       exercises ask for (Parts 5, 6 and 8).</li>
 *   <li>{@code maxPoemBytes}: the largest poem accepted; a server that sends more is cut off
 *       before the client holds more than this.</li>
 *   <li>{@code framing}: how the server sends the poem ({@link PoemFraming}). With
 *       {@link PoemFraming#NETSTRING} the poem must be one netstring, whose payload is at most
 *       {@code maxPoemBytes}; a stream that ends before its comma is a poem cut short
 *       ({@link FetchFailure.Truncated}).</li>
 * </ul>
 *
 * {@snippet :
 * FetchSettings settings = FetchSettings.defaults().withTimeout(Duration.ofSeconds(2))
 *         .withFraming(PoemFraming.NETSTRING);
 * }
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param timeout      connect and idle-read timeout; positive
 * @param maxPoemBytes the largest poem accepted; positive
 * @param framing      how the poem is framed on the wire
 */
public record FetchSettings(Duration timeout, int maxPoemBytes, PoemFraming framing) {

    /**
     * The timeout when none is given: long enough for any server of the text (the slow server's
     * pauses are a fraction of a second), short enough that a silent server cannot hold a client
     * for good.
     */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public FetchSettings {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(framing, "framing");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (maxPoemBytes <= 0) {
            throw new IllegalArgumentException("maxPoemBytes must be positive: " + maxPoemBytes);
        }
    }

    /** {@link #DEFAULT_TIMEOUT}, {@link PoetryProtocol#DEFAULT_MAX_POEM_BYTES}, and the text's unframed poems. */
    public static FetchSettings defaults() {
        return new FetchSettings(DEFAULT_TIMEOUT, PoetryProtocol.DEFAULT_MAX_POEM_BYTES, PoemFraming.NONE);
    }

    /** These settings with another timeout. */
    public FetchSettings withTimeout(Duration newTimeout) {
        return new FetchSettings(newTimeout, maxPoemBytes, framing);
    }

    /** These settings with another poem size limit. */
    public FetchSettings withMaxPoemBytes(int newMax) {
        return new FetchSettings(timeout, newMax, framing);
    }

    /** These settings with another framing. */
    public FetchSettings withFraming(PoemFraming newFraming) {
        return new FetchSettings(timeout, maxPoemBytes, newFraming);
    }

    /** {@link #timeout()} in whole milliseconds, at least 1, for {@code java.net.Socket}. */
    public int timeoutMillis() {
        return (int) Math.clamp(timeout.toMillis(), 1, Integer.MAX_VALUE);
    }
}
