package org.slowpoetry.servers.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.slowpoetry.servers.service.ServiceTrees.address;
import static org.slowpoetry.servers.service.ServiceTrees.start;
import static org.slowpoetry.servers.LoomClients.ask;
import static org.slowpoetry.servers.LoomClients.assertRefused;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.protocol.NetstringEncoder;
import org.slowpoetry.servers.transform.TransformProxy;
import org.slowpoetry.servers.transform.TransformProxyConfig;
import org.slowpoetry.servers.transform.TransformServerConfig;
import org.slowpoetry.service.LoomMultiService;
import org.slowpoetry.service.ServiceException;
import org.slowpoetry.service.ServiceState;
import org.slowpoetry.transform.TransformRequest;
import org.slowpoetry.transform.TransformService;
import org.slowpoetry.trial.LoomTest;
import org.slowpoetry.trial.LoomTestScope;

/**
 * The Loom twin of {@link TransformServicesTest}: the transformation server and proxy as Loom
 * services, a virtual thread per connection. Their stops are cleanups of the test's
 * {@link LoomTestScope}, and the clients are plain blocking ones on forks of it
 * ({@link org.slowpoetry.servers.LoomClients}), writing netstrings and lines by hand.
 */
@LoomTest(timeout = 20)
@Timeout(30)
class TransformServicesLoomTest {

    private final TransformServerConfig config = TransformServerConfig.of(TransformService.standard()).withLinePort(0);

    @Test
    void bothPortsAnswerInFrontOfTheOneService(LoomTestScope scope) throws Exception {
        LoomMultiService transform = start(scope, TransformServices.loom("transform", config));
        assertArrayEquals(NetstringEncoder.encode("ÜNDER A POEM".getBytes(UTF_8)),
                ask(scope, address(transform, "transform-netstring"), netstring("upper", "ünder a poem")));
        assertEquals("ÜNDER A POEM\n", new String(ask(scope, address(transform, "transform-line"),
                "upper ünder a poem\n".getBytes(UTF_8)), UTF_8));
    }

    @Test
    void theTransformationProxyIsTheSameServerInFrontOfAForwarder(LoomTestScope scope) throws Exception {
        LoomMultiService upstream = start(scope, TransformServices.loom("upstream", config));
        var proxyConfig = TransformProxyConfig.of(Address.of(address(upstream, "upstream-netstring")));
        LoomMultiService proxy = start(scope, TransformServices.loom("transform-proxy",
                TransformProxy.blocking(proxyConfig)));
        assertArrayEquals(NetstringEncoder.encode("VIA THE PROXY".getBytes(UTF_8)),
                ask(scope, address(proxy, "transform-proxy-netstring"), netstring("upper", "via the proxy")));
    }

    @Test
    void stopClosesBothPorts(LoomTestScope scope) throws Exception {
        LoomMultiService transform = start(scope, TransformServices.loom("transform", config));
        List<InetSocketAddress> ports = List.of(address(transform, "transform-netstring"),
                address(transform, "transform-line"));
        transform.stop();
        assertEquals(ServiceState.STOPPED, transform.state());
        ports.forEach(port -> assertRefused(scope, port));
    }



    /** A Part 12 request on the wire: {@code name.text} as a netstring. */
    private static byte[] netstring(String name, String text) {
        return NetstringEncoder.encode(new TransformRequest(name, text).payload());
    }
}
