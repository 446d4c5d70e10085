package org.slowpoetry.servers.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.slowpoetry.servers.service.ServiceTrees.address;
import static org.slowpoetry.servers.service.ServiceTrees.start;
import static org.slowpoetry.trial.TrialAssertions.assertFailure;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slowpoetry.defer.InlineCallbacks;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.fetch.PoetryClient;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.reactor.Protocol;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.servers.Poem;
import org.slowpoetry.servers.TestPoems;
import org.slowpoetry.servers.proxy.ProxyConfig;
import org.slowpoetry.servers.proxy.ProxyEvents;
import org.slowpoetry.service.ReactorMultiService;
import org.slowpoetry.service.ReactorTcpServer;
import org.slowpoetry.service.Service;
import org.slowpoetry.service.ServiceException;
import org.slowpoetry.testing.CapturedLog;
import org.slowpoetry.trial.AccumulatingClient;
import org.slowpoetry.trial.ReactorTest;
import org.slowpoetry.trial.Trial;

/**
 * The caching proxy as reactor services (exercises 16.2 and 16.4), over real loopback ports, as
 * trial tests it (exercise 15.3): an upstream poetry server, the proxy and its clients all on the
 * test's reactor, the services' stops cleanups the extension waits for. The dirty-reactor check
 * after each test proves the cache left no timer and no download behind. The Loom proxy is tested
 * by {@link ProxyServicesLoomTest}.
 */
@ReactorTest(timeout = 20)
class ProxyServicesTest {

    private static final FetchSettings SETTINGS = FetchSettings.defaults().withTimeout(Duration.ofSeconds(10));

    private final Poem poem = TestPoems.shortPoem();
    /** Connections the upstream has served. Reactor thread only. */
    private int fetched;
    private ReactorTcpServer upstream;

    /** trial's {@code setUp}: a fast poetry server for the proxy to fetch from, stopped last. */
    @BeforeEach
    void startAnUpstream(Reactor reactor, Trial trial) throws ServiceException {
        upstream = new ReactorTcpServer("upstream", reactor, "127.0.0.1", 0, peer -> new Protocol() {
            @Override
            protected void connectionMade() {
                fetched++;
                transport().write(poem.bytes());
                transport().loseConnection();
            }
        });
        upstream.start();
        trial.addCleanup(upstream::stop);
    }

    @Test
    void thePoemIsFetchedOnceThenServedFromTheCache(Reactor reactor, Trial trial) throws ServiceException {
        long mark = CapturedLog.mark();
        Address proxy = Address.of(address(start(trial, ProxyServices.reactor("proxy", reactor, config())), "proxy-tcp"));
        trial.waitFor(InlineCallbacks.run(reactor, ic -> {
            assertArrayEquals(poem.bytes(), ic.await(PoetryClient.getPoetry(reactor, proxy, SETTINGS)));
            assertArrayEquals(poem.bytes(), ic.await(PoetryClient.getPoetry(reactor, proxy, SETTINGS)));
            assertEquals(1, fetched, "one download for two clients");
            assertEquals(ProxyServicesLoomTest.FETCHED_THEN_CACHED, CapturedLog.since(mark).stream()
                    .filter(l -> l.contains(" poem")).toList());
            return null;
        }));
    }

    @Test
    void theCacheStartsBeforeThePortAndStopsAfterIt(Reactor reactor, Trial trial) throws ServiceException {
        ReactorMultiService top = ProxyServices.reactor("proxy", reactor, config());
        assertEquals(List.of("proxy-cache", "proxy-tcp"), top.services().stream().map(Service::name).toList());
        InetSocketAddress address = address(start(trial, top), "proxy-tcp");
        trial.waitFor(top.stop().thenCompose(stopped ->
                assertFailure(AccumulatingClient.connect(reactor, address), ConnectException.class)));
    }

    private ProxyConfig config() {
        return ProxyConfig.of(Address.of(upstream.address())).withEvents(ProxyEvents.logging());
    }
}
