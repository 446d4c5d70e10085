package org.slowpoetry.servers.proxy;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.servers.Clients;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.time.ManualClock;
import org.slowpoetry.time.MonotonicClock;
import org.slowpoetry.trial.LeakCheck;

/**
 * What every poetry proxy must do, run against each impl and version, on real loopback sockets
 * with a {@link TestUpstream} that counts its connections. Every test also checks, through
 * {@link LeakCheck}, that the proxy and the upstream left no socket or thread behind.
 */
@ExtendWith(LeakCheck.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProxyContractTest {

    private static final byte[] POEM = "A proxy keeps one poem\nand hands it out again.\n"
            .getBytes(StandardCharsets.UTF_8);

    /** A bound on how long anything the proxy does may take: generous, never asserted as a time. */
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    /** Each impl and version: the reactor's three and the loom one. */
    static Stream<Arguments> proxies() {
        return Stream.of(
                Arguments.of(ProxyImpl.REACTOR, ProxyVersion.V1),
                Arguments.of(ProxyImpl.REACTOR, ProxyVersion.V2),
                Arguments.of(ProxyImpl.REACTOR, ProxyVersion.V3),
                Arguments.of(ProxyImpl.LOOM, ProxyVersion.V3));
    }

    /** The impls that cancel a download nobody waits for. */
    static Stream<Arguments> cancelling() {
        return proxies().filter(a -> ((ProxyVersion) a.get()[1]).cancelsOnDisconnect());
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private ProxyConfig config(ProxyVersion version, Address upstream, MonotonicClock clock) {
        return ProxyConfig.of(upstream)
                .withVersion(version)
                .withClock(clock)
                .withUpstreamTimeout(Duration.ofSeconds(10))
                .withEvents(ProxyEvents.printing(new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8)));
    }

    private List<String> lines(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private long count(ByteArrayOutputStream stream, String line) {
        return lines(stream).stream().filter(line::equals).count();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("proxies")
    void twoHundredConcurrentFirstRequestsContactTheUpstreamOnce(ProxyImpl impl, ProxyVersion version)
            throws Exception {
        int clients = 200;
        try (var upstream = new TestUpstream(POEM, TestUpstream.Behaviour.POEM_WHEN_RELEASED);
                PoetryServer proxy = impl.start(config(version, upstream.address(), MonotonicClock.system()));
                ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<byte[]>> poems = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                poems.add(pool.submit(() -> Clients.fetch(proxy.address())));
            }
            await().atMost(PATIENCE).until(() -> count(err, "Waiting for the poem being fetched.") == clients - 1);
            upstream.release();
            for (Future<byte[]> poem : poems) {
                assertArrayEquals(POEM, poem.get());
            }
            assertEquals(1, upstream.accepted());
            assertEquals(1, count(out, "Fetching poem from server."));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("proxies")
    void aCachedPoemIsUsedUntilTheTtlHasPassedOnTheProxysClock(ProxyImpl impl, ProxyVersion version)
            throws Exception {
        var clock = new ManualClock();
        try (var upstream = new TestUpstream(POEM, TestUpstream.Behaviour.POEM_WHEN_RELEASED);
                PoetryServer proxy = impl.start(config(version, upstream.address(), clock)
                        .withCacheTtl(Duration.ofMinutes(10)))) {
            upstream.release();
            assertArrayEquals(POEM, Clients.fetch(proxy.address()));
            clock.advance(Duration.ofMinutes(10).minusNanos(1));
            assertArrayEquals(POEM, Clients.fetch(proxy.address()));
            assertEquals(1, upstream.accepted());

            clock.advance(Duration.ofNanos(1));
            assertArrayEquals(POEM, Clients.fetch(proxy.address()));

            assertEquals(2, upstream.accepted());
            assertEquals(List.of("Fetching poem from server.", "Using cached poem.", "Fetching poem from server."),
                    lines(out).subList(1, 4));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("proxies")
    void aRefusedUpstreamClosesTheClientWithoutAPoemAndTheProxyGoesOn(ProxyImpl impl, ProxyVersion version)
            throws Exception {
        Address nobody;
        try (var probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobody = new Address("127.0.0.1", probe.getLocalPort());
        }
        try (PoetryServer proxy = impl.start(config(version, nobody, MonotonicClock.system()))) {
            assertArrayEquals(new byte[0], Clients.fetch(proxy.address()));
            assertArrayEquals(new byte[0], Clients.fetch(proxy.address()));
            assertEquals(2, count(out, "Fetching poem from server."));
            assertTrue(lines(err).getFirst().contains("Connection refused"), lines(err).toString());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("proxies")
    void aResetUpstreamClosesTheClientWithoutAPoemAndTheProxyGoesOn(ProxyImpl impl, ProxyVersion version)
            throws Exception {
        try (var upstream = new TestUpstream(POEM, TestUpstream.Behaviour.RESET);
                PoetryServer proxy = impl.start(config(version, upstream.address(), MonotonicClock.system()))) {
            assertArrayEquals(new byte[0], Clients.fetch(proxy.address()));
            assertArrayEquals(new byte[0], Clients.fetch(proxy.address()));
            assertEquals(2, upstream.accepted());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("proxies")
    void aSilentUpstreamFailsEveryWaitingClientAfterTheUpstreamTimeout(ProxyImpl impl, ProxyVersion version)
            throws Exception {
        try (var upstream = new TestUpstream(POEM, TestUpstream.Behaviour.SILENT);
                PoetryServer proxy = impl.start(config(version, upstream.address(), MonotonicClock.system())
                        .withUpstreamTimeout(Duration.ofMillis(300)));
                ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<byte[]>> poems = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                poems.add(pool.submit(() -> Clients.fetch(proxy.address())));
            }
            for (Future<byte[]> poem : poems) {
                assertArrayEquals(new byte[0], poem.get());
            }
            assertArrayEquals(new byte[0], Clients.fetch(proxy.address())); // and it still serves
            assertTrue(lines(err).stream().anyMatch(l -> l.contains("timed out after 0.3 s")), lines(err).toString());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cancelling")
    void aClientThatLeavesMidDownloadCancelsItAndTheUpstreamSeesItsConnectionClose(ProxyImpl impl,
            ProxyVersion version) throws Exception {
        try (var upstream = new TestUpstream(POEM, TestUpstream.Behaviour.POEM_WHEN_RELEASED);
                PoetryServer proxy = impl.start(config(version, upstream.address(), MonotonicClock.system()))) {
            try (Socket client = Clients.connect(proxy.address())) {
                await().atMost(PATIENCE).until(() -> upstream.accepted() == 1);
            }
            await().atMost(PATIENCE).until(() -> upstream.closedByPeer() == 1);
            await().atMost(PATIENCE).until(() -> count(out, "Canceling poem download.") == 1);

            upstream.release(); // the proxy still serves, and fetches anew
            assertArrayEquals(POEM, Clients.fetch(proxy.address()));
            assertEquals(2, upstream.accepted());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cancelling")
    void aClientThatLeavesDoesNotCancelTheDownloadOthersWaitFor(ProxyImpl impl, ProxyVersion version)
            throws Exception {
        try (var upstream = new TestUpstream(POEM, TestUpstream.Behaviour.POEM_WHEN_RELEASED);
                PoetryServer proxy = impl.start(config(version, upstream.address(), MonotonicClock.system()));
                ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            try (Socket leaving = Clients.connect(proxy.address())) {
                await().atMost(PATIENCE).until(() -> upstream.accepted() == 1);
                Future<byte[]> staying = pool.submit(() -> Clients.fetch(proxy.address()));
                await().atMost(PATIENCE).until(() -> count(err, "Waiting for the poem being fetched.") == 1);
                leaving.close();
                upstream.release();
                assertArrayEquals(POEM, staying.get());
            }
            assertEquals(1, upstream.accepted());
            assertEquals(0, count(out, "Canceling poem download."));
        }
    }
}
