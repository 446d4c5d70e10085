package org.slowpoetry.servers.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.slowpoetry.testing.TcpClients.assertRefused;
import static org.slowpoetry.testing.TcpClients.fetch;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.servers.Poem;
import org.slowpoetry.servers.TestPoems;
import org.slowpoetry.servers.proxy.ProxyConfig;
import org.slowpoetry.servers.proxy.ProxyEvents;
import org.slowpoetry.servers.proxy.ProxyVersion;
import org.slowpoetry.service.LoomMultiService;
import org.slowpoetry.service.LoomTcpServer;
import org.slowpoetry.service.ReactorMultiService;
import org.slowpoetry.service.ReactorTcpServer;
import org.slowpoetry.service.Service;
import org.slowpoetry.testing.CapturedLog;
import org.slowpoetry.trial.LeakCheck;

/** The caching proxy as services (exercises 16.2 and 16.4), in both styles, over real loopback ports. */
@ExtendWith(LeakCheck.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ProxyServicesTest {

    @RegisterExtension
    final TestRunner runner = new TestRunner();

    private final Poem poem = TestPoems.shortPoem();
    /** Connections the upstream has served; written by its connection threads. */
    private final AtomicInteger fetched = new AtomicInteger();
    private LoomTcpServer upstream;

    @BeforeEach
    void startAnUpstream() throws Exception {
        upstream = new LoomTcpServer("upstream", "127.0.0.1", 0, (client, out) -> {
            fetched.incrementAndGet();
            out.write(poem.bytes());
        });
        upstream.start();
    }

    @AfterEach
    void stopEverything() throws Exception {
        runner.close();
        upstream.stop();
    }

    private ProxyConfig config() {
        return ProxyConfig.of(Address.of(upstream.address())).withEvents(ProxyEvents.logging());
    }

    private Service proxy(String style) {
        return switch (style) {
            case "reactor" -> ProxyServices.reactor("proxy", runner.reactor(), config());
            case "loom" -> ProxyServices.loom("proxy", config());
            default -> throw new IllegalArgumentException(style);
        };
    }

    private static InetSocketAddress address(Service top) {
        return switch (top) {
            case LoomMultiService m -> ((LoomTcpServer) m.service("proxy-tcp").orElseThrow()).address();
            case ReactorMultiService m -> ((ReactorTcpServer) m.service("proxy-tcp").orElseThrow()).address();
            default -> throw new AssertionError(top);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"reactor", "loom"})
    void thePoemIsFetchedOnceThenServedFromTheCache(String style) throws Exception {
        Service top = proxy(style);
        long mark = CapturedLog.mark();
        runner.start(top);
        try {
            assertArrayEquals(poem.bytes(), fetch(address(top)));
            assertArrayEquals(poem.bytes(), fetch(address(top)));
        } finally {
            runner.stop(top);
        }
        assertEquals(1, fetched.get(), "one download for two clients");
        assertEquals(List.of("INFO fetching poem from server", "INFO using cached poem"),
                CapturedLog.since(mark).stream().filter(l -> l.contains(" poem")).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"reactor", "loom"})
    void theCacheStartsBeforeThePortAndStopsAfterIt(String style) throws Exception {
        Service top = proxy(style);
        List<String> names = switch (top) {
            case LoomMultiService m -> m.services().stream().map(Service::name).toList();
            case ReactorMultiService m -> m.services().stream().map(Service::name).toList();
            default -> throw new AssertionError(top);
        };
        assertEquals(List.of("proxy-cache", "proxy-tcp"), names);
        runner.start(top);
        InetSocketAddress address = address(top);
        runner.stop(top);
        assertRefused(address);
    }

    @Test
    void theLoomProxyIsTheTwinOfProxyThreeOnly() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ProxyServices.loom("proxy", config().withVersion(ProxyVersion.V1)));
        assertEquals("the loom proxy is the twin of proxy 3 only, not of proxy 1", e.getMessage());
    }
}
