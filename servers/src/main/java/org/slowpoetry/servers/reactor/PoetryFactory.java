package org.slowpoetry.servers.reactor;

import java.net.SocketAddress;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slowpoetry.reactor.Protocol;
import org.slowpoetry.reactor.ProtocolFactory;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.servers.Poem;
import org.slowpoetry.servers.ServerConfig;

/**
 * Makes a protocol per connection and holds what they share: the configuration (poem, pacing,
 * events) and the count of open connections, against {@code --max-connections}. Twisted's
 * {@code PoetryFactory} (Parts 11 and 16), plus the limit. It works on any reactor it is given:
 * the {@code serve} command's own, or the one a service tree shares.
 *
 * {@snippet :
 * // Part 16: the poem is the service's, known once the service has started
 * var factory = new PoetryFactory(reactor, () -> ServerConfig.fast(poetry.poem()));
 * var tcp = new ReactorTcpServer("tcp", reactor, "localhost", 10000, factory);
 * }
 *
 * <p>A server on several loops ({@code --loops}) has a factory per loop, sharing one count of open
 * connections ({@link #PoetryFactory(Reactor, ServerConfig, AtomicInteger)}), so that
 * {@code --max-connections} limits the whole server.
 *
 * <p><b>Threading:</b> reactor thread only, like every factory; so the configuration it resolved
 * needs no lock. The count is atomic, as the factories of other loops may share it.
 */
public final class PoetryFactory implements ProtocolFactory {
    private final Reactor reactor;
    /** Where the configuration comes from; asked on the first connection. */
    private final Supplier<ServerConfig> configs;
    /** The configuration, once the first connection has asked for it; reactor thread only. */
    private ServerConfig config;
    /** The poem as it goes on the wire ({@link ServerConfig#wire()}), made once for every connection; reactor thread only. */
    private Poem wire;
    /**
     * Connections being served, by this factory and every factory sharing the count: incremented by
     * {@link #buildProtocol} and decremented by {@link #closed} on the loops of those factories.
     */
    private final AtomicInteger open;

    /** A factory serving {@code config}. */
    public PoetryFactory(Reactor reactor, ServerConfig config) {
        this(reactor, config, new AtomicInteger());
    }

    /**
     * A factory serving {@code config} that counts its connections in {@code open}, shared with the
     * factories of the server's other loops.
     */
    public PoetryFactory(Reactor reactor, ServerConfig config, AtomicInteger open) {
        this(reactor, () -> config, open);
        Objects.requireNonNull(config, "config");
    }

    /**
     * A factory whose configuration is known only once it serves: {@code configs} is asked on the
     * first connection (a poetry service has loaded its poem by then), and its answer kept. If it
     * throws, that connection is closed and the next one asks again.
     */
    public PoetryFactory(Reactor reactor, Supplier<ServerConfig> configs) {
        this(reactor, configs, new AtomicInteger());
    }

    private PoetryFactory(Reactor reactor, Supplier<ServerConfig> configs, AtomicInteger open) {
        this.reactor = Objects.requireNonNull(reactor, "reactor");
        this.configs = Objects.requireNonNull(configs, "configs");
        this.open = Objects.requireNonNull(open, "open");
    }

    /** A protocol for {@code peer}, or null (the reactor closes the connection) when over the limit. */
    @Override
    public Protocol buildProtocol(SocketAddress peer) {
        if (config == null) {
            ServerConfig resolved = configs.get();
            wire = resolved.wire();
            config = resolved;
        }
        // Counted first, then checked: two loops racing for the last place cannot both take it.
        if (open.incrementAndGet() > config.maxConnections() && config.maxConnections() > 0) {
            open.decrementAndGet();
            config.events().refused(peer);
            return null;
        }
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
        open.decrementAndGet();
    }
}
