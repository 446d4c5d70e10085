package org.slowpoetry.servers.reactor;

import java.net.SocketAddress;
import org.slowpoetry.reactor.Protocol;
import org.slowpoetry.reactor.ProtocolFactory;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.servers.Poem;
import org.slowpoetry.servers.ServerConfig;

/**
 * Makes a protocol per connection and holds what they share: the configuration (poem, pacing,
 * events) and the count of open connections, against {@code --max-connections}. Twisted's
 * {@code PoetryFactory} (Part 11), plus the limit.
 *
 * <p><b>Threading:</b> reactor thread only, like every factory; so the count needs no lock.
 */
final class PoetryFactory implements ProtocolFactory {
    private final Reactor reactor;
    private final ServerConfig config;
    /** The poem as it goes on the wire ({@link ServerConfig#wire()}), made once for every connection. */
    private final Poem wire;
    /** Connections being served; reactor thread only. */
    private int open;

    PoetryFactory(Reactor reactor, ServerConfig config) {
        this.reactor = reactor;
        this.config = config;
        this.wire = config.wire();
    }

    /** A protocol for {@code peer}, or null (the reactor closes the connection) when over the limit. */
    @Override
    public Protocol buildProtocol(SocketAddress peer) {
        if (config.maxConnections() > 0 && open >= config.maxConnections()) {
            config.events().refused(peer);
            return null;
        }
        open++;
        return switch (config.kind()) {
            case SLOW -> new SlowPoetryProtocol(this, peer);
            case FAST -> new FastPoetryProtocol(this, peer);
        };
    }

    ServerConfig config() {
        return config;
    }

    /** What each connection is sent: the poem, framed if the config says so. */
    Poem wire() {
        return wire;
    }

    Reactor reactor() {
        return reactor;
    }

    /** A protocol's connection has ended. */
    void closed() {
        open--;
    }
}
