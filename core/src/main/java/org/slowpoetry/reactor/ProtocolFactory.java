package org.slowpoetry.reactor;

import java.net.SocketAddress;

/**
 * Makes a {@link Protocol} for each new connection: Twisted's {@code IProtocolFactory} (Part 5).
 * {@link Reactor#listenTCP} asks it for every accepted connection, {@link Reactor#connectTCP} (as a
 * {@link ClientFactory}) for its connection. Factories hold what the protocols share: the poem to
 * serve, where to report results.
 *
 * {@snippet :
 * reactor.listenTCP(0, address -> new EchoProtocol());
 * }
 *
 * <p><b>Threading:</b> every method is called on the reactor thread.
 */
@FunctionalInterface
public interface ProtocolFactory {

    /**
     * A new protocol for a connection with {@code address} (the peer), or null to refuse it (the
     * connection is closed at once).
     */
    Protocol buildProtocol(SocketAddress address);

    /**
     * Called before the first port or connector starts using this factory (once, however many use
     * it): Twisted's {@code startFactory}.
     */
    default void startFactory() {
    }

    /** Called after the last port or connector stopped using this factory: Twisted's {@code stopFactory}. */
    default void stopFactory() {
    }
}
