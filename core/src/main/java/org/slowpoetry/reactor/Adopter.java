package org.slowpoetry.reactor;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves accepted connections on one reactor: asks its factory for a protocol and starts a
 * {@link TcpConnection} on the reactor's loop. The last step of {@link TcpPort}'s accept, and what
 * a worker loop of a {@link ReactorGroup} runs for each connection the accepting loop hands it.
 *
 * <p><b>Threading:</b> {@link #adopt} on the reactor's loop thread only (the factory is
 * reactor-thread only); the fields are final.
 */
final class Adopter {
    private static final Logger LOG = LoggerFactory.getLogger(Adopter.class);

    private final Reactor reactor;
    private final ProtocolFactory factory;

    Adopter(Reactor reactor, ProtocolFactory factory) {
        this.reactor = Objects.requireNonNull(reactor, "reactor");
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    Reactor reactor() {
        return reactor;
    }

    ProtocolFactory factory() {
        return factory;
    }

    /**
     * Serves {@code accepted} with a protocol from the factory, or closes it (the peer went away, the
     * factory said no with null, or threw). Takes the channel's ownership either way.
     */
    void adopt(SocketChannel accepted) {
        assert reactor.inEventLoop();
        SocketAddress peer;
        SocketAddress host;
        try {
            accepted.configureBlocking(false);
            peer = accepted.getRemoteAddress();
            host = accepted.getLocalAddress();
        } catch (IOException e) {
            LOG.debug("an accepted connection went away before it could be served: {}", e.toString());
            closeQuietly(accepted);
            return;
        }
        Protocol protocol;
        try {
            protocol = factory.buildProtocol(peer);
        } catch (RuntimeException e) {
            LOG.error("Unhandled error in buildProtocol of {} for {}; closing the connection", factory, peer, e);
            closeQuietly(accepted);
            return;
        }
        if (protocol == null) {
            closeQuietly(accepted);
            return;
        }
        new TcpConnection(reactor, accepted, protocol, peer, host, null).start();
    }

    /** Closes {@code channel}, logging (at debug) a failure to. */
    static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing {} failed: {}", channel, e.toString());
        }
    }
}
