package org.slowpoetry.reactor;

import java.net.InetSocketAddress;

/**
 * One outgoing connection, from {@link Reactor#connectTCP}: Twisted's {@code IConnector}. It
 * connects, and after a failure or the end of the connection it may be told to
 * {@link #connect()} again (a reconnecting client does that from its {@link ClientFactory}).
 *
 * <p><b>Threading:</b> reactor thread only; every method throws {@link WrongThreadException}
 * elsewhere.
 */
public interface Connector {

    /** Where a connector is: Twisted's {@code connector.state}. */
    enum State {
        DISCONNECTED,
        CONNECTING,
        CONNECTED
    }

    /** The host and port it connects to, as given (unresolved if a name was given). */
    InetSocketAddress getDestination();

    State state();

    /**
     * Starts another attempt, after a failure or a lost connection.
     *
     * @throws IllegalStateException if it is connecting or connected
     * @throws ReactorStoppedException if the reactor is stopping
     */
    void connect();

    /**
     * Abandons the attempt in progress; the factory gets {@code clientConnectionFailed} with a
     * {@link java.util.concurrent.CancellationException}, before this returns.
     *
     * @throws IllegalStateException if it is not connecting
     */
    void stopConnecting();

    /** Stops connecting, or loses the connection ({@link Transport#loseConnection()}), or nothing. */
    void disconnect();
}
