package org.slowpoetry.reactor;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Transports, protocols and factories over real loopback sockets, on both selectors (Parts 5, 11). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TcpTest {

    private static Reactor open(SelectorKind kind) throws IOException {
        return Reactor.open(kind);
    }

    /**
     * A blocking client with a read timeout: a blocking read ignores interrupts, so without one a
     * reactor bug would hang the test past its @Timeout instead of failing it.
     */
    private static Socket client(int port) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(20_000);
        return s;
    }

    @ParameterizedTest
    @EnumSource(SelectorKind.class)
    void listenAndConnectEchoRoundTrip(SelectorKind kind) throws Exception {
        var server = new CompletableFuture<Echo>();
        var client = new Recorder(r -> {
            r.t().write("Hello, ".getBytes(StandardCharsets.UTF_8));
            r.t().writeSequence(List.of(ByteBuffer.wrap("poetry ".getBytes(StandardCharsets.UTF_8)),
                    ByteBuffer.wrap("lovers!".getBytes(StandardCharsets.UTF_8))));
        });
        try (Reactor reactor = open(kind); var loop = ReactorThread.start(reactor, "t-reactor")) {
            loop.call(() -> {
                ListeningPort port = reactor.listenTCP(0, a -> {
                    var echo = new Echo();
                    server.complete(echo);
                    return echo;
                }, "127.0.0.1");
                reactor.connectTCP("127.0.0.1", port.port(), a -> client);
                return port;
            });
            await().until(() -> client.text().equals("Hello, poetry lovers!"));
            loop.execute(() -> client.t().loseConnection());
            assertInstanceOf(ConnectionDone.class, client.lost.get());
            assertInstanceOf(ConnectionDone.class, server.get().lost.get());
            assertEquals("Hello, poetry lovers!", server.get().text());
        }
    }

    @ParameterizedTest
    @EnumSource(SelectorKind.class)
    void aLargeTransferArrivesWholeAndInOrderThenClosesCleanly(SelectorKind kind) throws Exception {
        byte[] poem = new byte[8 << 20];
        new Random(1).nextBytes(poem);
        var client = new Recorder();
        try (Reactor reactor = open(kind); var loop = ReactorThread.start(reactor, "t-reactor")) {
            loop.call(() -> {
                ListeningPort port = reactor.listenTCP(0, a -> new Recorder(r -> {
                    // many small writes, one big one, and a gathered sequence: all queued, in order
                    int at = 0;
                    for (int i = 0; i < 1000; i++, at += 100) {
                        r.t().write(ByteBuffer.wrap(poem, at, 100).slice());
                    }
                    r.t().write(ByteBuffer.wrap(poem, at, 4 << 20).slice());
                    at += 4 << 20;
                    var rest = new ArrayList<ByteBuffer>();
                    for (; at < poem.length; at += Math.min(4096, poem.length - at)) {
                        rest.add(ByteBuffer.wrap(poem, at, Math.min(4096, poem.length - at)).slice().asReadOnlyBuffer());
                    }
                    r.t().writeSequence(rest);
                    r.t().loseConnection();
                }), "127.0.0.1");
                reactor.connectTCP("127.0.0.1", port.port(), a -> client);
                return null;
            });
            assertInstanceOf(ConnectionDone.class, client.lost.get());
            assertArrayEquals(poem, client.bytes());
        }
    }

    @ParameterizedTest
    @EnumSource(SelectorKind.class)
    void eachConnectionGetsItsOwnProtocolAndConnectionLostOnce(SelectorKind kind) throws Exception {
        var servers = new CopyOnWriteArrayList<Recorder>();
        try (Reactor reactor = open(kind); var loop = ReactorThread.start(reactor, "t-reactor")) {
            int port = loop.call(() -> reactor.listenTCP(0, a -> {
                var r = new Recorder(p -> p.t().write(("you are " + servers.size()).getBytes(StandardCharsets.UTF_8)));
                servers.add(r);
                return r;
            }, "127.0.0.1").port());
            for (int i = 0; i < 3; i++) {
                try (Socket s = client(port)) {
                    assertEquals("you are " + (i + 1), new String(s.getInputStream().readNBytes(9), StandardCharsets.UTF_8));
                }
            }
            await().until(() -> servers.stream().allMatch(r -> r.lost.isDone()));
            for (Recorder r : servers) {
                assertEquals("connectionMade", r.events.getFirst());
                assertEquals(1, r.events.stream().filter("connectionLost"::equals).count());
                assertInstanceOf(ConnectionDone.class, r.lost.get());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SelectorKind.class)
    void abortConnectionDropsTheBufferAndReportsConnectionLostAfterTheCall(SelectorKind kind) throws Exception {
        var lostDuringAbort = new AtomicInteger(-1);
        var server = new Recorder(r -> {
            r.t().write(new byte[16 << 20]); // far more than the socket takes at once
            r.t().abortConnection();
            lostDuringAbort.set(r.lost.isDone() ? 1 : 0);
            r.t().write(new byte[10]); // ignored
        });
        try (Reactor reactor = open(kind); var loop = ReactorThread.start(reactor, "t-reactor")) {
            int port = loop.call(() -> reactor.listenTCP(0, a -> server, "127.0.0.1").port());
            try (Socket s = client(port)) {
                s.getInputStream().readAllBytes(); // ends: closed under us
            } catch (IOException reset) {
                // a reset is a fine way for an aborted connection to end
            }
            var reason = assertInstanceOf(ConnectionLost.class, server.lost.get());
            assertInstanceOf(ConnectionAbortedException.class, reason.cause());
            assertEquals(0, lostDuringAbort.get(), "connectionLost must not run inside abortConnection()");
        }
    }

    @ParameterizedTest
    @EnumSource(SelectorKind.class)
    void aPeerResetIsAConnectionLostWithTheCause(SelectorKind kind) throws Exception {
        var server = new Recorder();
        try (Reactor reactor = open(kind); var loop = ReactorThread.start(reactor, "t-reactor")) {
            int port = loop.call(() -> reactor.listenTCP(0, a -> server, "127.0.0.1").port());
            try (Socket s = client(port)) {
                server.made.get();
                s.setSoLinger(true, 0); // close sends RST
            }
            var reason = assertInstanceOf(ConnectionLost.class, server.lost.get());
            assertInstanceOf(IOException.class, reason.cause());
        }
    }

    @ParameterizedTest
    @EnumSource(SelectorKind.class)
    void aProtocolCallbackThatThrowsLosesItsConnectionWithThatCause(SelectorKind kind) throws Exception {
        var boom = new IllegalStateException("bad poem");
        var server = new Recorder() {
            @Override
            public void dataReceived(ByteBuffer data) {
                throw boom;
            }
        };
        try (Reactor reactor = open(kind); var loop = ReactorThread.start(reactor, "t-reactor")) {
            int port = loop.call(() -> reactor.listenTCP(0, a -> server, "127.0.0.1").port());
            try (Socket s = client(port)) {
                s.getOutputStream().write(1);
                assertEquals(-1, s.getInputStream().read());
            }
            assertSame(boom, assertInstanceOf(ConnectionLost.class, server.lost.get()).cause());
            assertEquals(ReactorState.RUNNING, reactor.state());
        }
    }

    @ParameterizedTest
    @EnumSource(SelectorKind.class)
    void halfCloseSendsEndOfStreamButKeepsReading(SelectorKind kind) throws Exception {
        var client = new Recorder();
        try (Reactor reactor = open(kind); var loop = ReactorThread.start(reactor, "t-reactor")) {
            int port = loop.call(() -> reactor.listenTCP(0, a -> new Recorder(r -> {
                r.t().write("request".getBytes(StandardCharsets.UTF_8));
                r.t().loseWriteConnection();
                r.t().write("ignored".getBytes(StandardCharsets.UTF_8));
            }), "127.0.0.1").port());
            try (Socket s = client(port)) {
                InputStream in = s.getInputStream();
                assertEquals("request", new String(in.readAllBytes(), StandardCharsets.UTF_8)); // then EOF
                OutputStream out = s.getOutputStream();
                out.write("still listening?".getBytes(StandardCharsets.UTF_8));
                out.flush();
                s.shutdownOutput();
            }
            assertEquals(0, client.size());
        }
    }

    @ParameterizedTest
    @EnumSource(SelectorKind.class)
    void aPlainProtocolLosesItsConnectionWhenThePeerHalfCloses(SelectorKind kind) throws Exception {
        var server = new Recorder();
        try (Reactor reactor = open(kind); var loop = ReactorThread.start(reactor, "t-reactor")) {
            int port = loop.call(() -> reactor.listenTCP(0, a -> server, "127.0.0.1").port());
            try (Socket s = client(port)) {
                server.made.get();
                s.shutdownOutput();
                assertInstanceOf(ConnectionDone.class, server.lost.get());
                assertEquals(-1, s.getInputStream().read());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SelectorKind.class)
    void aHalfCloseableProtocolIsToldOfEndOfStreamAndStillWrites(SelectorKind kind) throws Exception {
        var readLost = new CompletableFuture<Void>();
        var server = new HalfClosing(readLost);
        try (Reactor reactor = open(kind); var loop = ReactorThread.start(reactor, "t-reactor")) {
            int port = loop.call(() -> reactor.listenTCP(0, a -> server, "127.0.0.1").port());
            try (Socket s = client(port)) {
                server.made.get();
                s.getOutputStream().write("bye".getBytes(StandardCharsets.UTF_8));
                s.shutdownOutput();
                readLost.get();
                assertFalse(server.lost.isDone(), "the connection must outlive the peer's end of stream");
                loop.execute(() -> {
                    server.t().resumeProducing(); // must not read again: that would spin on end of stream
                    server.t().write("the rest of the poem".getBytes(StandardCharsets.UTF_8));
                    server.t().loseConnection();
                });
                assertEquals("the rest of the poem", new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            assertInstanceOf(ConnectionDone.class, server.lost.get());
            assertEquals(List.of("connectionMade", "dataReceived", "readConnectionLost", "connectionLost"),
                    server.events);
            assertEquals("bye", server.text());
        }
    }

    /** A recorder that stays connected when its peer half-closes. */
    private static final class HalfClosing extends Recorder implements HalfCloseableProtocol {
        private final CompletableFuture<Void> readLost;

        HalfClosing(CompletableFuture<Void> readLost) {
            this.readLost = readLost;
        }

        @Override
        public void readConnectionLost() {
            events.add("readConnectionLost");
            readLost.complete(null);
        }
    }

    @ParameterizedTest
    @EnumSource(SelectorKind.class)
    void aPeerThatNeverReadsIsAbortedOnceTheWriteTimeoutPassesWithoutProgress(SelectorKind kind) throws Exception {
        Duration timeout = Duration.ofMillis(200);
        var server = new Recorder(r -> {
            r.t().setWriteTimeout(timeout);
            r.t().write(new byte[32 << 20]); // far more than the socket buffers hold
            r.t().loseConnection();
        });
        try (Reactor reactor = open(kind); var loop = ReactorThread.start(reactor, "t-reactor")) {
            int port = loop.call(() -> reactor.listenTCP(0, a -> server, "127.0.0.1").port());
            try (Socket s = client(port)) {
                var reason = assertInstanceOf(ConnectionLost.class, server.lost.get());
                var cause = assertInstanceOf(org.slowpoetry.net.WriteTimeoutException.class, reason.cause());
                assertEquals(timeout, cause.timeout());
            }
            assertEquals(ReactorState.RUNNING, reactor.state());
        }
    }

    @ParameterizedTest
    @EnumSource(SelectorKind.class)
    void aPeerThatReadsSteadilyOutlastsTheWriteTimeout(SelectorKind kind) throws Exception {
        byte[] poem = new byte[16 << 20];
        new Random(3).nextBytes(poem);
        var server = new Recorder(r -> {
            r.t().setWriteTimeout(Duration.ofSeconds(1));
            r.t().write(poem);
            r.t().loseConnection();
        });
        try (Reactor reactor = open(kind); var loop = ReactorThread.start(reactor, "t-reactor")) {
            int port = loop.call(() -> reactor.listenTCP(0, a -> server, "127.0.0.1").port());
            try (Socket s = client(port)) {
                var received = new java.io.ByteArrayOutputStream();
                byte[] buffer = new byte[64 << 10];
                InputStream in = s.getInputStream();
                for (int n; (n = in.read(buffer)) != -1; ) {
                    received.write(buffer, 0, n);
                    java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(10).toNanos()); // a slow reader
                }
                assertArrayEquals(poem, received.toByteArray());
            }
            assertInstanceOf(ConnectionDone.class, server.lost.get());
        }
    }

    @Test
    void aWriteTimeoutMustBePositive() throws Exception {
        var server = new Recorder();
        try (Reactor reactor = open(SelectorKind.EPOLL); var loop = ReactorThread.start(reactor, "t-reactor")) {
            int port = loop.call(() -> reactor.listenTCP(0, a -> server, "127.0.0.1").port());
            try (Socket s = client(port)) {
                Transport t = server.made.get();
                for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofMillis(-1)}) {
                    assertThrows(IllegalArgumentException.class, () -> loop.call(() -> {
                        t.setWriteTimeout(bad);
                        return null;
                    }));
                }
                assertThrows(WrongThreadException.class, () -> t.setWriteTimeout(Duration.ofSeconds(1)));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SelectorKind.class)
    void aFactoryReturningNullRefusesTheConnection(SelectorKind kind) throws Exception {
        try (Reactor reactor = open(kind); var loop = ReactorThread.start(reactor, "t-reactor")) {
            int port = loop.call(() -> reactor.listenTCP(0, a -> null, "127.0.0.1").port());
            try (Socket s = client(port)) {
                assertEquals(-1, s.getInputStream().read());
            }
        }
    }

    @Test
    void transportsKnowBothEnds() throws Exception {
        var server = new Recorder();
        var client = new Recorder();
        try (Reactor reactor = Reactor.open(); var loop = ReactorThread.start(reactor, "t-reactor")) {
            loop.call(() -> {
                ListeningPort port = reactor.listenTCP(0, a -> server, "127.0.0.1");
                reactor.connectTCP("127.0.0.1", port.port(), a -> client);
                return null;
            });
            server.made.get();
            client.made.get();
            SocketAddress serverHost = loop.call(() -> server.t().getHost());
            SocketAddress clientPeer = loop.call(() -> client.t().getPeer());
            assertEquals(serverHost, clientPeer);
            assertEquals(loop.call(() -> server.t().getPeer()), loop.call(() -> client.t().getHost()));
        }
    }

    @Test
    void listeningOnAPortInUseSaysWhichAndWhy() throws Exception {
        try (Reactor reactor = Reactor.open(); var other = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            var e = assertThrows(CannotListenException.class,
                    () -> reactor.listenTCP(other.getLocalPort(), a -> null, "127.0.0.1"));
            assertTrue(e.getMessage().startsWith("cannot listen on 127.0.0.1:" + other.getLocalPort() + ": "),
                    e.getMessage());
        }
    }

    @Test
    void badListenArgumentsAreRejectedAtOnce() throws Exception {
        try (Reactor reactor = Reactor.open()) {
            assertThrows(IllegalArgumentException.class, () -> reactor.listenTCP(70_000, a -> null));
            assertThrows(IllegalArgumentException.class, () -> reactor.listenTCP(0, a -> null, "", 0));
            assertThrows(IllegalArgumentException.class, () -> reactor.connectTCP("", 1, a -> null));
            assertThrows(IllegalArgumentException.class, () -> reactor.connectTCP("127.0.0.1", 0, a -> null));
            assertThrows(IllegalArgumentException.class,
                    () -> reactor.connectTCP("127.0.0.1", 1, a -> null, Duration.ZERO));
        }
    }

    @Test
    void stopListeningClosesThePortButNotItsConnections() throws Exception {
        var server = new Recorder();
        var factoryEvents = new CopyOnWriteArrayList<String>();
        ProtocolFactory factory = new ProtocolFactory() {
            @Override
            public Protocol buildProtocol(SocketAddress address) {
                return server;
            }

            @Override
            public void startFactory() {
                factoryEvents.add("start");
            }

            @Override
            public void stopFactory() {
                factoryEvents.add("stop");
            }
        };
        try (Reactor reactor = Reactor.open(); var loop = ReactorThread.start(reactor, "t-reactor")) {
            ListeningPort port = loop.call(() -> reactor.listenTCP(0, factory, "127.0.0.1"));
            try (Socket s = client(port.port())) {
                server.made.get();
                loop.call(() -> {
                    port.stopListening();
                    port.stopListening(); // idempotent
                    return null;
                });
                assertFalse(loop.call(port::listening));
                assertThrows(IOException.class, () -> new Socket("127.0.0.1", port.port()).close());
                loop.execute(() -> server.t().write("still here".getBytes(StandardCharsets.UTF_8)));
                assertEquals("still here", new String(s.getInputStream().readNBytes(10), StandardCharsets.UTF_8));
            }
            assertEquals(List.of("start", "stop"), factoryEvents);
        }
    }

    @Test
    void theStopListeningDeferredFiresOnlyOnceANewConnectIsRefused() throws Exception {
        try (Reactor reactor = Reactor.open(); var loop = ReactorThread.start(reactor, "t-reactor")) {
            for (int round = 0; round < 20; round++) { // the socket used to outlive the call by a loop turn
                ListeningPort port = loop.call(() -> reactor.listenTCP(0, a -> null, "127.0.0.1"));
                var released = new CompletableFuture<Object>();
                loop.execute(() -> port.stopListening().addBoth(result -> released.complete("released")));
                assertEquals("released", released.get(10, TimeUnit.SECONDS));
                assertThrows(IOException.class, () -> new Socket("127.0.0.1", port.port()).close(), "round " + round);
            }
        }
    }

    @Test
    void aFactoryIsStartedOnceForManyPortsAndStoppedAfterTheLast() throws Exception {
        var events = new CopyOnWriteArrayList<String>();
        ProtocolFactory factory = new ProtocolFactory() {
            @Override
            public Protocol buildProtocol(SocketAddress address) {
                return null;
            }

            @Override
            public void startFactory() {
                events.add("start");
            }

            @Override
            public void stopFactory() {
                events.add("stop");
            }
        };
        try (Reactor reactor = Reactor.open(); var loop = ReactorThread.start(reactor, "t-reactor")) {
            loop.call(() -> {
                ListeningPort a = reactor.listenTCP(0, factory, "127.0.0.1");
                ListeningPort b = reactor.listenTCP(0, factory, "127.0.0.1");
                a.stopListening();
                events.add("a stopped");
                b.stopListening();
                return null;
            });
        }
        assertEquals(List.of("start", "a stopped", "stop"), events);
    }

    @Test
    void aFactoryThatCannotStartLeavesNothingListeningAndIsNotCountedAsUsed() throws Exception {
        var starts = new CopyOnWriteArrayList<String>();
        ProtocolFactory failing = new ProtocolFactory() {
            @Override
            public Protocol buildProtocol(SocketAddress address) {
                return null;
            }

            @Override
            public void startFactory() {
                starts.add("start");
                throw new IllegalStateException("no poem to serve");
            }
        };
        try (Reactor reactor = Reactor.open(); var loop = ReactorThread.start(reactor, "t-reactor");
                var probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            int port = probe.getLocalPort();
            probe.close();
            loop.call(() -> {
                var e = assertThrows(IllegalStateException.class, () -> reactor.listenTCP(port, failing, "127.0.0.1"));
                assertEquals("no poem to serve", e.getMessage());
                assertEquals(List.of(), reactor.listeningPorts());
                // a second try starts the factory again: the failed start left no use behind
                assertThrows(IllegalStateException.class, () -> reactor.listenTCP(port, failing, "127.0.0.1"));
                return null;
            });
            // and the port is free: the channel was closed, not leaked
            try (var again = new java.net.ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
                assertEquals(port, again.getLocalPort());
            }
        }
        assertEquals(List.of("start", "start"), starts);
    }
}
