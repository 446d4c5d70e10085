package org.slowpoetry.servers.proxy.reactor;

import java.io.IOException;
import org.slowpoetry.reactor.CannotListenException;
import org.slowpoetry.reactor.ListeningPort;
import org.slowpoetry.reactor.ProtocolFactory;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.reactor.ReactorThread;
import org.slowpoetry.reactor.SelectorKind;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.servers.proxy.ProxyConfig;
import org.slowpoetry.servers.proxy.ProxyService;
import org.slowpoetry.servers.proxy.ProxyVersion;
import org.slowpoetry.servers.reactor.ReactorPoetryServer;

/**
 * {@code serve proxy --impl reactor}: the text's poetry proxies 1.0, 2.0 (Part 14) and 3.0
 * (Part 19) on one reactor thread. Each client gets a {@link ProxyProtocol}; the poem comes from
 * the one {@link ProxyService}, fetched with {@code getPoetry} ({@link ReactorUpstream}).
 *
 * {@snippet :
 * try (PoetryServer proxy = ReactorProxy.start(ProxyConfig.of(upstream).withVersion(ProxyVersion.V3))) {
 *     fetch(proxy.address());
 * }
 * }
 *
 * <p><b>Threading:</b> {@link #start} may be called from any thread; the proxy then runs on its
 * own reactor thread, which owns the listener, every connection (to clients and to the upstream)
 * and the cache's download. Closing stops the reactor: the cache is closed first (a download in
 * flight is cancelled), then the reactor's teardown closes every connection.
 */
public final class ReactorProxy {
    private ReactorProxy() {
    }

    /**
     * Opens a reactor on {@code config.clock()}, binds, and starts the reactor thread; returns once
     * listening, after reporting {@code listening}.
     *
     * @throws IOException if the address cannot be bound (a port in use: the JDK's
     *                     {@link java.net.BindException}); nothing is left open
     */
    public static PoetryServer start(ProxyConfig config) throws IOException {
        Reactor reactor = Reactor.open(SelectorKind.EPOLL, config.clock());
        ListeningPort port;
        try {
            ProxyService service = cache(reactor, config);
            reactor.addShutdownTrigger(service::close);
            port = reactor.listenTCP(config.port(), factory(service, config), config.iface());
        } catch (CannotListenException e) {
            reactor.close();
            throw e.getCause() instanceof IOException cause ? cause : e;
        } catch (RuntimeException e) {
            reactor.close();
            throw e;
        }
        config.events().listening(config.upstream(), port.address());
        var thread = ReactorThread.start(reactor, "proxy-reactor-" + port.port());
        return new ReactorPoetryServer(port.address(), thread);
    }

    /**
     * The text's {@code ProxyService} for {@code config}, fetching its poem with {@code getPoetry} on
     * {@code reactor}. Its owner closes it (a download in flight is cancelled) once no client is
     * left.
     */
    public static ProxyService cache(Reactor reactor, ProxyConfig config) {
        return new ProxyService(new ReactorUpstream(reactor, config.upstream(), config.fetch()), config);
    }

    /**
     * A protocol per client, served from {@code service} as the text's proxy
     * {@code config.version()} does, its writes bounded by {@code config.writeTimeout()}.
     */
    public static ProtocolFactory factory(ProxyService service, ProxyConfig config) {
        var poems = new DeferredPoems(service);
        return peer -> new ProxyProtocol(poems, config.version(), config.writeTimeout());
    }
}
