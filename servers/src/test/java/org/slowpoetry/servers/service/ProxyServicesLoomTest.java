package org.slowpoetry.servers.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.slowpoetry.servers.service.ServiceTrees.address;
import static org.slowpoetry.servers.service.ServiceTrees.start;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.slowpoetry.servers.LoomClients.assertRefused;
import static org.slowpoetry.servers.LoomClients.fetch;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.servers.Poem;
import org.slowpoetry.servers.TestPoems;
import org.slowpoetry.servers.proxy.ProxyConfig;
import org.slowpoetry.servers.proxy.ProxyEvents;
import org.slowpoetry.servers.proxy.ProxyVersion;
import org.slowpoetry.service.LoomMultiService;
import org.slowpoetry.service.LoomTcpServer;
import org.slowpoetry.service.Service;
import org.slowpoetry.service.ServiceException;
import org.slowpoetry.testing.CapturedLog;
import org.slowpoetry.trial.LoomTest;
import org.slowpoetry.trial.LoomTestScope;

/**
 * The Loom twin of {@link ProxyServicesTest}: the caching proxy as Loom services in front of a
 * Loom upstream, their stops cleanups of the test's {@link LoomTestScope}, the clients forks of it
 * ({@link org.slowpoetry.servers.LoomClients}).
 */
@LoomTest(timeout = 20)
@Timeout(30)
class ProxyServicesLoomTest {

    /** What the proxy logs about its poem when two clients come: one download, then the cache. */
    static final List<String> FETCHED_THEN_CACHED = List.of("INFO fetching poem from server", "INFO using cached poem");

    private final Poem poem = TestPoems.shortPoem();
    /** Connections the upstream has served; written by its connection threads. */
    private final AtomicInteger fetched = new AtomicInteger();
    private LoomTcpServer upstream;

    /** trial's {@code setUp}: a fast poetry server for the proxy to fetch from, stopped last. */
    @BeforeEach
    void startAnUpstream(LoomTestScope scope) throws ServiceException {
        upstream = new LoomTcpServer("upstream", "127.0.0.1", 0, (client, out) -> {
            fetched.incrementAndGet();
            out.write(poem.bytes());
        });
        upstream.start();
        scope.addCleanup(upstream::stop);
    }

    @Test
    void thePoemIsFetchedOnceThenServedFromTheCache(LoomTestScope scope) throws Exception {
        long mark = CapturedLog.mark();
        InetSocketAddress proxy = address(start(scope, ProxyServices.loom("proxy", config())), "proxy-tcp");
        assertArrayEquals(poem.bytes(), fetch(scope, proxy));
        assertArrayEquals(poem.bytes(), fetch(scope, proxy));
        assertEquals(1, fetched.get(), "one download for two clients");
        assertEquals(FETCHED_THEN_CACHED, CapturedLog.since(mark).stream().filter(l -> l.contains(" poem")).toList());
    }

    @Test
    void theCacheStartsBeforeThePortAndStopsAfterIt(LoomTestScope scope) throws Exception {
        LoomMultiService top = ProxyServices.loom("proxy", config());
        assertEquals(List.of("proxy-cache", "proxy-tcp"), top.services().stream().map(Service::name).toList());
        InetSocketAddress address = address(start(scope, top), "proxy-tcp");
        top.stop();
        assertRefused(scope, address);
    }

    @Test
    void theLoomProxyIsTheTwinOfProxyThreeOnly() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ProxyServices.loom("proxy", config().withVersion(ProxyVersion.V1)));
        assertEquals("the loom proxy is the twin of proxy 3 only, not of proxy 1", e.getMessage());
    }

    private ProxyConfig config() {
        return ProxyConfig.of(Address.of(upstream.address())).withEvents(ProxyEvents.logging());
    }
}
