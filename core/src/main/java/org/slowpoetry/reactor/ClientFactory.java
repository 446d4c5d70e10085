package org.slowpoetry.reactor;

/**
 * A {@link ProtocolFactory} for outgoing connections, which also hears about the connection
 * attempt: Twisted's {@code ClientFactory} (Part 5). A connection that cannot be made never gets a
 * protocol, so the factory is the one told.
 *
 * <p>Order of events for one {@link Connector}: {@link #startedConnecting}; then either
 * {@link #clientConnectionFailed}, or {@link #buildProtocol} and, when that connection ends (after
 * the protocol's own {@code connectionLost}), {@link #clientConnectionLost}. Either handler may call
 * {@link Connector#connect()} to try again.
 *
 * <p><b>Threading:</b> every method is called on the reactor thread.
 */
@FunctionalInterface
public interface ClientFactory extends ProtocolFactory {

    /** A connection attempt has started. */
    default void startedConnecting(Connector connector) {
    }

    /**
     * The attempt failed: {@code reason} is the refusal ({@link java.net.ConnectException}), the
     * timeout ({@link java.net.SocketTimeoutException}), a name that did not resolve
     * ({@link java.net.UnknownHostException}), {@link java.util.concurrent.CancellationException}
     * after {@link Connector#stopConnecting()}, {@link ReactorStoppedException}, ...
     */
    default void clientConnectionFailed(Connector connector, Throwable reason) {
    }

    /** The connection was made and has now ended. */
    default void clientConnectionLost(Connector connector, ConnectionClosed reason) {
    }
}
