package org.slowpoetry.bench.netty;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slowpoetry.servers.Poem;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.servers.ServerConfig;
import org.slowpoetry.servers.ServerEvents;
import org.slowpoetry.servers.ServerImpl;
import org.slowpoetry.servers.ServerImpls;
import org.slowpoetry.servers.ServerKind;
import org.slowpoetry.trial.LeakCheck;

@ExtendWith(LeakCheck.class)
@Timeout(30)
class NettyServerTest {

    private static final Poem POEM = Poem.of("test-poem", ("Netty sends it all at once,\n"
            + "or ten bytes at a time, as the clock allows.\n").repeat(20).getBytes(StandardCharsets.UTF_8));

    static Stream<ServerImpl> impls() {
        return Stream.of(new NettyNioServerImpl(), new NettyEpollServerImpl())
                .filter(i -> !i.name().equals("netty-epoll") || io.netty.channel.epoll.Epoll.isAvailable());
    }

    /** Records the sizes of sends and the ends of connections. */
    static final class Recorder implements ServerEvents {
        final List<Integer> sends = new CopyOnWriteArrayList<>();
        final List<SocketAddress> finished = new CopyOnWriteArrayList<>();
        final List<SocketAddress> dropped = new CopyOnWriteArrayList<>();
        final List<SocketAddress> refused = new CopyOnWriteArrayList<>();
        volatile InetSocketAddress listening;

        @Override
        public void listening(Poem poem, InetSocketAddress address) {
            listening = address;
        }

        @Override
        public void sent(SocketAddress peer, int bytes) {
            sends.add(bytes);
        }

        @Override
        public void finished(SocketAddress peer) {
            finished.add(peer);
        }

        @Override
        public void dropped(SocketAddress peer, Throwable reason) {
            dropped.add(peer);
        }

        @Override
        public void refused(SocketAddress peer) {
            refused.add(peer);
        }
    }

    @ParameterizedTest
    @MethodSource("impls")
    void fastServerSendsTheWholePoemThenCloses(ServerImpl impl) throws Exception {
        var events = new Recorder();
        try (PoetryServer server = impl.start(ServerConfig.fast(POEM).withEvents(events))) {
            assertEquals(server.address(), events.listening);
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(POEM.bytes(), fetch(server.address()));
            }
            await().until(() -> events.finished.size() == 3);
        }
    }

    @ParameterizedTest
    @MethodSource("impls")
    void slowServerSendsNumBytesAtATimeOnTheEventLoopTimer(ServerImpl impl) throws Exception {
        var events = new Recorder();
        var config = ServerConfig.slow(POEM).withPacing(100, Duration.ofMillis(1)).withEvents(events);
        try (PoetryServer server = impl.start(config)) {
            assertArrayEquals(POEM.bytes(), fetch(server.address()));
            await().until(() -> events.finished.size() == 1);
        }
        int whole = POEM.size() / 100;
        assertEquals(whole + (POEM.size() % 100 == 0 ? 0 : 1), events.sends.size());
        assertTrue(events.sends.subList(0, whole).stream().allMatch(n -> n == 100), events.sends::toString);
    }

    @ParameterizedTest
    @MethodSource("impls")
    void closeEndsConnectionsStillBeingServed(ServerImpl impl) throws Exception {
        var events = new Recorder();
        var config = ServerConfig.slow(POEM).withPacing(10, Duration.ofHours(1)).withEvents(events);
        try (var client = new Socket()) {
            PoetryServer server = impl.start(config);
            client.connect(server.address());
            InputStream in = client.getInputStream();
            assertTrue(in.read(new byte[10]) > 0);
            server.close();
            client.setSoTimeout(10_000);
            assertEquals(-1, in.read(new byte[10]), "the server closed the connection");
            server.close(); // idempotent
        }
    }

    @ParameterizedTest
    @MethodSource("impls")
    void connectionsOverTheLimitAreRefused(ServerImpl impl) throws Exception {
        var events = new Recorder();
        var config = ServerConfig.slow(POEM).withPacing(10, Duration.ofHours(1)).withMaxConnections(1).withEvents(events);
        try (PoetryServer server = impl.start(config); var first = new Socket(); var second = new Socket()) {
            first.connect(server.address());
            assertTrue(first.getInputStream().read(new byte[10]) > 0);
            second.connect(server.address());
            second.setSoTimeout(10_000);
            assertEquals(-1, second.getInputStream().read(new byte[10]), "the second connection is closed at once");
            await().until(() -> events.refused.size() == 1);
        }
    }

    @ParameterizedTest
    @MethodSource("impls")
    void aPortInUseIsAnIOExceptionAndLeavesNothingRunning(ServerImpl impl) throws Exception {
        try (var taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            var config = ServerConfig.fast(POEM).withPort(taken.getLocalPort());
            assertThrows(IOException.class, () -> impl.start(config).close());
        }
    }

    @org.junit.jupiter.api.Test
    void bothImplsArePluginsServingBothKinds() {
        for (String name : List.of("netty", "netty-epoll")) {
            for (ServerKind kind : ServerKind.values()) {
                assertEquals(name, ServerImpls.find(name, kind).name());
            }
        }
    }

    static byte[] fetch(InetSocketAddress address) throws IOException {
        try (var socket = new Socket()) {
            socket.connect(address);
            socket.setSoTimeout(10_000);
            return socket.getInputStream().readAllBytes();
        }
    }
}
