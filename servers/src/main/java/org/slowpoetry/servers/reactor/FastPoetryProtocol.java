package org.slowpoetry.servers.reactor;

import java.net.SocketAddress;
import org.slowpoetry.reactor.ConnectionClosed;
import org.slowpoetry.reactor.ConnectionDone;
import org.slowpoetry.reactor.ConnectionLost;
import org.slowpoetry.reactor.Protocol;

/**
 * Part 11's fast server protocol: write the whole poem, then {@code loseConnection()}, which closes
 * the connection only after the transport has sent every byte. Both calls return at once; the
 * reactor does the sending as the socket accepts it. The poem is written as a read-only view of
 * its bytes ({@link PoetryFactory#wire()}: framed if asked), shared by every connection, never copied.
 * A client that takes none of it for the write timeout is aborted, and reported dropped.
 *
 * <p><b>Threading:</b> reactor thread only.
 */
final class FastPoetryProtocol extends Protocol {
    private final PoetryFactory factory;
    private final SocketAddress peer;

    FastPoetryProtocol(PoetryFactory factory, SocketAddress peer) {
        this.factory = factory;
        this.peer = peer;
    }

    @Override
    protected void connectionMade() {
        transport().setWriteTimeout(factory.config().writeTimeout()); // a client that never reads is closed then
        factory.config().events().connected(peer);
        transport().write(factory.wire().buffer());
        transport().loseConnection();
    }

    @Override
    public void connectionLost(ConnectionClosed reason) {
        factory.closed();
        switch (reason) {
            case ConnectionDone done -> factory.config().events().finished(peer);
            case ConnectionLost(var cause) -> factory.config().events().dropped(peer, cause);
        }
    }
}
