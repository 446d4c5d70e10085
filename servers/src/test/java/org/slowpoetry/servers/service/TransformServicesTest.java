package org.slowpoetry.servers.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.slowpoetry.testing.TcpClients.assertRefused;
import static org.slowpoetry.testing.TcpClients.connect;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.protocol.NetstringEncoder;
import org.slowpoetry.servers.transform.TransformProxy;
import org.slowpoetry.servers.transform.TransformProxyConfig;
import org.slowpoetry.servers.transform.TransformServerConfig;
import org.slowpoetry.service.LoomTcpServer;
import org.slowpoetry.service.ReactorTcpServer;
import org.slowpoetry.service.Service;
import org.slowpoetry.service.ServiceState;
import org.slowpoetry.trial.LeakCheck;
import org.slowpoetry.transform.TransformRequest;
import org.slowpoetry.transform.TransformService;

/**
 * Part 12's transformation server and Part 14's transformation proxy as services, in both styles,
 * over real loopback ports.
 */
@ExtendWith(LeakCheck.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TransformServicesTest {

    @RegisterExtension
    final TestRunner runner = new TestRunner();

    private final TransformServerConfig config = TransformServerConfig.of(TransformService.standard()).withLinePort(0);

    private Service services(String style) {
        return switch (style) {
            case "reactor" -> TransformServices.reactor("transform", runner.reactor(), config);
            case "loom" -> TransformServices.loom("transform", config);
            default -> throw new IllegalArgumentException(style);
        };
    }

    /** Where the child named {@code name} listens. */
    private static InetSocketAddress address(Service top, String name) {
        Service child = switch (top) {
            case org.slowpoetry.service.LoomMultiService m -> m.service(name).orElseThrow();
            case org.slowpoetry.service.ReactorMultiService m -> m.service(name).orElseThrow();
            default -> throw new AssertionError(top);
        };
        return switch (child) {
            case LoomTcpServer tcp -> tcp.address();
            case ReactorTcpServer tcp -> tcp.address();
            default -> throw new AssertionError(child);
        };
    }

    private static byte[] ask(InetSocketAddress server, byte[] request) throws IOException {
        try (Socket socket = connect(server)) {
            socket.getOutputStream().write(request);
            return socket.getInputStream().readAllBytes();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"reactor", "loom"})
    void bothPortsAnswerInFrontOfTheOneService(String style) throws Exception {
        Service top = services(style);
        runner.start(top);
        try {
            byte[] request = NetstringEncoder.encode(new TransformRequest("upper", "ünder a poem").payload());
            assertArrayEquals(NetstringEncoder.encode("ÜNDER A POEM".getBytes(UTF_8)),
                    ask(address(top, "transform-netstring"), request));
            assertEquals("ÜNDER A POEM\n", new String(ask(address(top, "transform-line"),
                    "upper ünder a poem\n".getBytes(UTF_8)), UTF_8));
        } finally {
            runner.stop(top);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"reactor", "loom"})
    void theTransformationProxyIsTheSameServerInFrontOfAForwarder(String style) throws Exception {
        Service upstream = TransformServices.loom("upstream", config);
        runner.start(upstream);
        try {
            var proxyConfig = TransformProxyConfig.of(Address.of(address(upstream, "upstream-netstring")));
            Service proxy = switch (style) {
                case "reactor" -> TransformServices.reactor("transform-proxy", runner.reactor(),
                        TransformProxy.onReactor(runner.reactor(), proxyConfig));
                case "loom" -> TransformServices.loom("transform-proxy", TransformProxy.blocking(proxyConfig));
                default -> throw new IllegalArgumentException(style);
            };
            runner.start(proxy);
            try {
                byte[] request = NetstringEncoder.encode(new TransformRequest("upper", "via the proxy").payload());
                assertArrayEquals(NetstringEncoder.encode("VIA THE PROXY".getBytes(UTF_8)),
                        ask(address(proxy, "transform-proxy-netstring"), request));
            } finally {
                runner.stop(proxy);
            }
        } finally {
            runner.stop(upstream);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"reactor", "loom"})
    void stopClosesBothPorts(String style) throws Exception {
        Service top = services(style);
        runner.start(top);
        List<InetSocketAddress> ports = List.of(address(top, "transform-netstring"), address(top, "transform-line"));
        runner.stop(top);
        assertEquals(ServiceState.STOPPED, top.state());
        ports.forEach(port -> assertRefused(port));
    }
}
