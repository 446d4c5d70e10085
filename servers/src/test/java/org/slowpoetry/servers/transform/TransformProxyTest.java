package org.slowpoetry.servers.transform;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.protocol.NetstringEncoder;
import org.slowpoetry.servers.Clients;
import org.slowpoetry.transform.Cummingsify;
import org.slowpoetry.transform.TransformRequest;
import org.slowpoetry.transform.TransformService;
import org.slowpoetry.trial.LeakCheck;

/**
 * The transformation proxy (Part 14, exercise 4), run as every {@link TransformImpl} in front of a
 * real upstream: a transform server of either impl, a port that refuses, or a server that accepts
 * and never answers. Real sockets on 127.0.0.1.
 */
@ExtendWith(LeakCheck.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TransformProxyTest {

    private static final String POEM = "Roses Are Red,\nSockets Are Blue.\n";

    /** Short, so a test that waits for it does not wait long; far below {@link Clients#READ_TIMEOUT}. */
    private static final Duration UPSTREAM_TIMEOUT = Duration.ofMillis(300);

    private final List<AutoCloseable> closeAfter = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : closeAfter.reversed()) {
            c.close();
        }
    }

    private <T extends AutoCloseable> T owned(T closeable) {
        closeAfter.add(closeable);
        return closeable;
    }

    private TransformServer proxy(TransformImpl impl, TransformProxyConfig config) throws IOException {
        return owned(TransformProxy.start(impl, config));
    }

    private TransformServer proxyTo(TransformImpl impl, Address upstream) throws IOException {
        return proxy(impl, TransformProxyConfig.of(upstream).withUpstreamTimeout(UPSTREAM_TIMEOUT));
    }

    private TransformServer upstreamServer(TransformImpl impl) throws IOException {
        return owned(impl.start(TransformServerConfig.of(TransformService.standard())));
    }

    /** A server that accepts connections (in the kernel's backlog, or with {@link ServerSocket#accept}) and never answers. */
    private ServerSocket silentServer() throws IOException {
        ServerSocket silent = owned(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        silent.setSoTimeout((int) Clients.READ_TIMEOUT.toMillis());
        return silent;
    }

    /** A loopback port nothing listens on: bound, then closed. */
    private static Address refusingPort() throws IOException {
        try (var bound = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new Address("127.0.0.1", bound.getLocalPort());
        }
    }

    private static Address addressOf(TransformServer server) {
        return new Address("127.0.0.1", server.address().getPort());
    }

    /** Sends one request and returns every byte the server sends before it closes. */
    private static byte[] ask(InetSocketAddress server, String name, String poem) throws IOException {
        try (Socket socket = Clients.connect(server)) {
            socket.getOutputStream().write(NetstringEncoder.encode(new TransformRequest(name, poem).payload()));
            return socket.getInputStream().readAllBytes();
        }
    }

    private static byte[] netstring(String payload) {
        return NetstringEncoder.encode(payload.getBytes(UTF_8));
    }

    static Stream<Arguments> proxyAndUpstreamImpls() {
        return Arrays.stream(TransformImpl.values())
                .flatMap(proxy -> Arrays.stream(TransformImpl.values()).map(upstream -> Arguments.of(proxy, upstream)));
    }

    @ParameterizedTest(name = "{0} proxy, {1} upstream")
    @MethodSource("proxyAndUpstreamImpls")
    void aRequestComesBackTransformedByTheUpstream(TransformImpl proxyImpl, TransformImpl upstreamImpl)
            throws IOException {
        TransformServer upstream = upstreamServer(upstreamImpl);
        TransformServer proxy = proxyTo(proxyImpl, addressOf(upstream));
        assertArrayEquals(netstring(Cummingsify.cummingsify(POEM)), ask(proxy.address(), "cummingsify", POEM));
        assertArrayEquals(netstring(POEM.toUpperCase()), ask(proxy.address(), "upper", POEM));
        assertEquals(2, ((TransformService) upstream.service()).requests(), "each request went upstream");
    }

    @ParameterizedTest
    @EnumSource(TransformImpl.class)
    void aNameTheUpstreamDoesNotKnowIsClosedWithNoReply(TransformImpl impl) throws IOException {
        TransformServer upstream = upstreamServer(TransformImpl.LOOM);
        TransformServer proxy = proxyTo(impl, addressOf(upstream));
        assertEquals(0, ask(proxy.address(), "shout", POEM).length);
        assertArrayEquals(netstring("X"), ask(proxy.address(), "upper", "x"), "the proxy serves on");
    }

    @ParameterizedTest
    @EnumSource(TransformImpl.class)
    void aRefusingUpstreamClosesTheClientWithNoReplyAndTheProxyServesOn(TransformImpl impl) throws IOException {
        TransformServer proxy = proxyTo(impl, refusingPort());
        assertEquals(0, ask(proxy.address(), "upper", POEM).length);
        assertEquals(0, ask(proxy.address(), "upper", POEM).length);
        assertTrue(proxy.failure().isEmpty(), () -> "the proxy failed: " + proxy.failure());
    }

    @ParameterizedTest
    @EnumSource(TransformImpl.class)
    void aSilentUpstreamClosesTheClientAfterTheUpstreamTimeoutAndTheProxyServesOn(TransformImpl impl)
            throws IOException {
        ServerSocket silent = silentServer();
        // The client's own deadline is far off: only the upstream timeout can end these requests
        // before Clients.READ_TIMEOUT fails the test.
        TransformServer proxy = proxy(impl, TransformProxyConfig.of(new Address("127.0.0.1", silent.getLocalPort()))
                .withUpstreamTimeout(UPSTREAM_TIMEOUT)
                .withRequestTimeout(Clients.READ_TIMEOUT.multipliedBy(3)));
        assertEquals(0, ask(proxy.address(), "upper", POEM).length);
        assertEquals(0, ask(proxy.address(), "upper", POEM).length);
        assertTrue(proxy.failure().isEmpty(), () -> "the proxy failed: " + proxy.failure());
    }

    @ParameterizedTest
    @EnumSource(TransformImpl.class)
    void aClientConnectionThatEndsFirstClosesItsUpstreamConnection(TransformImpl impl) throws IOException {
        ServerSocket silent = silentServer();
        // Here the client's deadline comes first, and the upstream timeout is far off.
        TransformServer proxy = proxy(impl, TransformProxyConfig.of(new Address("127.0.0.1", silent.getLocalPort()))
                .withUpstreamTimeout(Clients.READ_TIMEOUT.multipliedBy(3))
                .withRequestTimeout(UPSTREAM_TIMEOUT));
        byte[] request = NetstringEncoder.encode(new TransformRequest("upper", POEM).payload());
        try (Socket client = Clients.connect(proxy.address())) {
            client.getOutputStream().write(request);
            Socket upstreamSide = owned(silent.accept());
            upstreamSide.setSoTimeout((int) Clients.READ_TIMEOUT.toMillis());
            assertArrayEquals(request, Clients.readExactly(upstreamSide.getInputStream(), request.length),
                    "the request is forwarded as it came");
            assertEquals(-1, client.getInputStream().read(), "the client is closed at its deadline, with no reply");
            assertEquals(-1, upstreamSide.getInputStream().read(), "and the upstream request is abandoned");
        }
    }
}
