package org.slowpoetry.servers.service;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.servers.transform.TransformConnection;
import org.slowpoetry.servers.transform.TransformFactory;
import org.slowpoetry.servers.transform.TransformServerConfig;
import org.slowpoetry.servers.transform.Wire;
import org.slowpoetry.service.LoomMultiService;
import org.slowpoetry.service.LoomTcpServer;
import org.slowpoetry.service.ReactorMultiService;
import org.slowpoetry.service.ReactorTcpServer;

/**
 * Part 12's transformation server as services: a TCP service per port, all in front of the
 * config's one {@link org.slowpoetry.transform.Transformer}. Netstring requests on
 * {@code config.port()}, named {@code NAME-netstring}; one-line requests on
 * {@code config.linePort()} if it is set, named {@code NAME-line}. The protocols and connections
 * are the {@code serve transform} command's.
 *
 * {@snippet :
 * var config = TransformServerConfig.of(TransformService.standard()).withIface("localhost").withPort(11000);
 * top.add(TransformServices.reactor("transform", reactor, config));   // or TransformServices.loom("transform", config)
 * }
 *
 * The transformation proxy (Part 14's exercise 4) is the same server in front of a forwarder:
 *
 * {@snippet :
 * var proxy = TransformProxyConfig.of(Address.parse("11000")).withListen("localhost", 11001);
 * top.add(TransformServices.reactor("transform-proxy", reactor, TransformProxy.onReactor(reactor, proxy)));
 * // or TransformServices.loom("transform-proxy", TransformProxy.blocking(proxy))
 * }
 *
 * <p><b>Threading:</b> stateless; the services it makes have their kinds' threading.
 */
public final class TransformServices {

    private TransformServices() {
    }

    /** The ports on the shared {@code reactor}: a Part 12 {@link TransformFactory} each. */
    public static ReactorMultiService reactor(String name, Reactor reactor, TransformServerConfig config) {
        var top = new ReactorMultiService(name, reactor);
        ports(config).forEach((wire, port) -> top.add(new ReactorTcpServer(name + "-" + wire, reactor,
                config.iface(), port, new TransformFactory(reactor, config, wire))));
        return top;
    }

    /** The ports in the Loom style: a virtual thread per connection, plain blocking code ({@link TransformConnection}). */
    public static LoomMultiService loom(String name, TransformServerConfig config) {
        var top = new LoomMultiService(name);
        ports(config).forEach((wire, port) -> top.add(new LoomTcpServer(name + "-" + wire,
                config.listen(port, wire), new TransformConnection(config, wire)::serve)));
        return top;
    }

    /** Which protocol on which port: netstrings first, then lines if configured. */
    private static Map<Wire, Integer> ports(TransformServerConfig config) {
        var ports = new LinkedHashMap<Wire, Integer>();
        ports.put(Wire.NETSTRING, config.port());
        config.linePort().ifPresent(port -> ports.put(Wire.LINE, port));
        return ports;
    }
}
