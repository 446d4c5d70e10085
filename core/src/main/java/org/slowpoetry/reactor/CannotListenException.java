package org.slowpoetry.reactor;

import java.io.IOException;
import java.io.Serial;

/**
 * A server could not bind ({@link Reactor#listenTCP}, a {@code LoomTcpServer}): Twisted's
 * {@code CannotListenError}. The message names the address and the reason
 * ({@code cannot listen on 127.0.0.1:10000: Address already in use}).
 *
 * <p><b>Threading:</b> immutable.
 */
public final class CannotListenException extends IOException {
    @Serial
    private static final long serialVersionUID = 1L;

    public CannotListenException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * {@code cannot listen on HOST:PORT: reason}, for a bind of {@code host:port} (as given; port 0
     * for any) that failed with {@code cause}, whose message is the reason.
     */
    public static CannotListenException on(String host, int port, IOException cause) {
        String where = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        return new CannotListenException("cannot listen on " + where + ": " + cause.getMessage(), cause);
    }
}
