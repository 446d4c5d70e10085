package org.slowpoetry.servers.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.servers.Clients;
import org.slowpoetry.servers.Poem;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.servers.ServerConfig;
import org.slowpoetry.servers.TestPoems;
import org.slowpoetry.servers.loom.LoomServerImpl;
import org.slowpoetry.servers.proxy.ProxyConfig;
import org.slowpoetry.servers.proxy.ProxyEvents;
import org.slowpoetry.servers.proxy.ProxyImpl;
import org.slowpoetry.servers.proxy.ProxyVersion;
import org.slowpoetry.trial.LeakCheck;
import org.slowpoetry.time.MonotonicClock;

/**
 * The fault suite against the poetry proxy ({@code serve proxy}, proxy 3.0 and its Loom twin) in
 * front of a real poetry server: a client that never reads, a crowd that resets while the poem is
 * being fetched, bytes nobody asked for, and a half-close (which the proxy takes as leaving: Part
 * 19's cancel on disconnect cannot tell the two apart). Each case checks that the clients who
 * behave get the poem byte for byte, and that the proxy, still running, holds nothing of the ones
 * who did not ({@link WhileServing}); then {@link LeakCheck}.
 */
@ExtendWith(LeakCheck.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProxyFaultsTest {

    /** The slow upstream's poem: 1,000 bytes in ten sends, 50 ms apart, so a download takes a while. */
    private static final Poem POEM = TestPoems.ofSize(1_000);
    /** Far more than the loopback socket buffers hold. */
    private static final Poem LARGE = TestPoems.ofSize(32 << 20);
    private static final int CROWD = 40;
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    /** How often the proxy said {@code Canceling poem download.} */
    private final AtomicInteger cancellations = new AtomicInteger();

    private final ProxyEvents counting = new ProxyEvents() {
        @Override
        public void cancelling() {
            cancellations.incrementAndGet();
        }
    };

    private static PoetryServer slowUpstream(Duration delay) throws Exception {
        return new LoomServerImpl().start(ServerConfig.slow(POEM).withPacing(100, delay));
    }

    /** Proxy 3.0 (or its twin) for {@code upstream}, poems up to 64 MiB, the given write timeout. */
    private PoetryServer proxy(ProxyImpl impl, PoetryServer upstream, Duration writeTimeout) throws Exception {
        var fetch = FetchSettings.defaults().withTimeout(Duration.ofSeconds(10)).withMaxPoemBytes(64 << 20);
        var config = new ProxyConfig(new Address("127.0.0.1", upstream.port()), "127.0.0.1", 0, ProxyVersion.V3,
                ProxyConfig.DEFAULT_CACHE_TTL, fetch, writeTimeout, MonotonicClock.system(), counting);
        return impl.start(config);
    }

    @ParameterizedTest(name = "[{0}]")
    @EnumSource(ProxyImpl.class)
    void aClientThatNeverReadsThePoemIsClosedAfterTheWriteTimeout(ProxyImpl impl) throws Exception {
        try (PoetryServer upstream = new LoomServerImpl().start(ServerConfig.fast(LARGE));
                PoetryServer proxy = proxy(impl, upstream, Duration.ofMillis(300))) {
            assertArrayEquals(LARGE.bytes(), Clients.fetch(proxy.address())); // cached from now on
            WhileServing.assertNothingLeftBehind(() -> {
                try (Socket staller = Clients.connect(proxy.address())) {
                    await().atMost(PATIENCE).until(() -> Peers.closedByServer(staller));
                }
                assertArrayEquals(LARGE.bytes(), Clients.fetch(proxy.address()));
            });
        }
    }

    @ParameterizedTest(name = "[{0}]")
    @EnumSource(ProxyImpl.class)
    void aCrowdThatResetsDuringTheDownloadCostsTheOthersNothing(ProxyImpl impl) throws Exception {
        try (PoetryServer upstream = slowUpstream(Duration.ofMillis(50));
                PoetryServer proxy = proxy(impl, upstream, ServerConfig.DEFAULT_WRITE_TIMEOUT)) {
            WhileServing.assertNothingLeftBehind(() -> {
                try (Socket keeper = Clients.connect(proxy.address())) {
                    List<Socket> crowd = Peers.connect(proxy.address(), CROWD);
                    crowd.forEach(Peers::reset);
                    assertArrayEquals(POEM.bytes(), Peers.readAll(keeper));
                }
                assertArrayEquals(POEM.bytes(), Clients.fetch(proxy.address()));
            });
        }
    }

    @ParameterizedTest(name = "[{0}]")
    @EnumSource(ProxyImpl.class)
    void bytesFromAClientAreIgnoredAndItGetsThePoem(ProxyImpl impl) throws Exception {
        try (PoetryServer upstream = slowUpstream(Duration.ofMillis(5));
                PoetryServer proxy = proxy(impl, upstream, ServerConfig.DEFAULT_WRITE_TIMEOUT)) {
            WhileServing.assertNothingLeftBehind(() -> {
                try (Socket chatty = Clients.connect(proxy.address())) {
                    Peers.send(chatty, Peers.garbage(64 << 10));
                    assertArrayEquals(POEM.bytes(), Peers.readAll(chatty));
                }
            });
        }
    }

    @ParameterizedTest(name = "[{0}]")
    @EnumSource(ProxyImpl.class)
    void aClientThatHalfClosesCountsAsGoneAndItsDownloadIsCancelled(ProxyImpl impl) throws Exception {
        // Two seconds of poem: the cancel comes long before it is done; the upstream, a slow server
        // too, notices the proxy has gone at its next send.
        try (PoetryServer upstream = slowUpstream(Duration.ofMillis(200));
                PoetryServer proxy = proxy(impl, upstream, ServerConfig.DEFAULT_WRITE_TIMEOUT)) {
            WhileServing.assertNothingLeftBehind(() -> {
                try (Socket client = Clients.connect(proxy.address())) {
                    client.shutdownOutput(); // to the proxy, as to Twisted's protocol, an end of stream is a hang-up
                    await().atMost(PATIENCE).until(() -> cancellations.get() == 1);
                    assertEquals(0, Peers.readAllOrReset(client).length, "no poem for a client that left");
                }
            });
        }
    }
}
