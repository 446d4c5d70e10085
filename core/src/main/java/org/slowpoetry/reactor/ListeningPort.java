package org.slowpoetry.reactor;

import java.net.InetSocketAddress;
import org.slowpoetry.defer.Deferred;

/**
 * A listening TCP socket, from {@link Reactor#listenTCP}: Twisted's {@code IListeningPort}. It
 * accepts connections and gives each a new protocol from its factory until
 * {@link #stopListening()}.
 *
 * <p><b>Threading:</b> {@link #port()} and {@link #address()} are safe from any thread (they do not
 * change); {@link #stopListening()} and {@link #listening()} are reactor thread only.
 */
public interface ListeningPort {

    /** The bound port: the real one when 0 was asked for. */
    int port();

    /** The bound address. */
    InetSocketAddress address();

    /** Whether it still accepts connections. */
    boolean listening();

    /**
     * Closes the listening socket (connections already accepted go on) and stops the factory if no
     * one else uses it. Idempotent. Twisted's {@code stopListening}: the returned Deferred fires, on
     * the loop, once the socket is released (the next turn of the loop: Java releases a socket
     * registered with a selector only when the selector lets go of it); from then on a new connect
     * is refused.
     */
    Deferred<Void> stopListening();
}
