package org.slowpoetry.servers.service;

import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.servers.proxy.ProxyConfig;
import org.slowpoetry.servers.proxy.ProxyService;
import org.slowpoetry.servers.proxy.ProxyVersion;
import org.slowpoetry.servers.proxy.loom.ProxyConnection;
import org.slowpoetry.servers.proxy.loom.VirtualThreadUpstream;
import org.slowpoetry.servers.proxy.reactor.ReactorProxy;
import org.slowpoetry.service.Lifecycle;
import org.slowpoetry.service.LoomMultiService;
import org.slowpoetry.service.LoomService;
import org.slowpoetry.service.LoomTcpServer;
import org.slowpoetry.service.ReactorMultiService;
import org.slowpoetry.service.ReactorService;
import org.slowpoetry.service.ReactorTcpServer;

/**
 * The caching poetry proxy as services (Part 16's exercises 2 and 4): the cache, {@code NAME-cache},
 * then the port, {@code NAME-tcp}; so the port closes before the cache is dropped (a download in
 * flight cancelled). The cache, protocols and connections are the {@code serve proxy} command's.
 *
 * {@snippet :
 * var config = ProxyConfig.of(Address.parse("10001")).withListen("localhost", 10002)
 *         .withEvents(ProxyEvents.logging());
 * top.add(ProxyServices.loom("proxy", config));   // or ProxyServices.reactor("proxy", reactor, config)
 * }
 *
 * <p><b>Threading:</b> stateless; the services it makes have their kinds' threading.
 */
public final class ProxyServices {

    private ProxyServices() {
    }

    /** The text's proxy ({@code config.version()}) on the shared {@code reactor}, which also runs its downloads. */
    public static ReactorMultiService reactor(String name, Reactor reactor, ProxyConfig config) {
        ProxyService cache = ReactorProxy.cache(reactor, config);
        var top = new ReactorMultiService(name, reactor);
        top.add(ReactorService.of(name + "-cache", reactor, closedOnStop(cache)));
        top.add(new ReactorTcpServer(name + "-tcp", reactor, config.iface(), config.port(),
                ReactorProxy.factory(cache, config)));
        return top;
    }

    /**
     * The Loom proxy, the twin of proxy 3.0: a virtual thread per client, which a sibling subtask
     * cancels when the client leaves; each download on a virtual thread of its own.
     *
     * @throws IllegalArgumentException for a {@code config.version()} other than 3
     */
    public static LoomMultiService loom(String name, ProxyConfig config) {
        if (config.version() != ProxyVersion.V3) {
            throw new IllegalArgumentException("the loom proxy is the twin of proxy 3 only, not of proxy "
                    + config.version().number());
        }
        var upstream = new VirtualThreadUpstream(config.upstream(), config.fetch(), name);
        var cache = new ProxyService(upstream, config);
        var connection = new ProxyConnection(cache);
        var top = new LoomMultiService(name);
        top.add(LoomService.of(name + "-cache", closedOnStop(cache, upstream)));
        top.add(new LoomTcpServer(name + "-tcp", config.listen(), connection::serve));
        return top;
    }

    /** Nothing to start; stopping closes {@code resources}, in order. */
    private static Lifecycle closedOnStop(AutoCloseable... resources) {
        return new Lifecycle() {
            @Override
            public void start() {
            }

            @Override
            public void stop() throws Exception {
                for (AutoCloseable resource : resources) {
                    resource.close();
                }
            }
        };
    }
}
