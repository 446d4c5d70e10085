package org.slowpoetry.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** connectTCP and the ClientFactory events (Part 5), on both selectors. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConnectTest {

    /** A client factory that records its events in order. */
    static class RecordingFactory implements ClientFactory {
        final List<String> events = new CopyOnWriteArrayList<>();
        final CompletableFuture<Throwable> failed = new CompletableFuture<>();
        final CompletableFuture<ConnectionClosed> lostConnection = new CompletableFuture<>();
        /** Completed by stopFactory, the last event of every connector's life. */
        final CompletableFuture<Void> stopped = new CompletableFuture<>();
        final Recorder protocol = new Recorder() {
            @Override
            public void connectionLost(ConnectionClosed reason) {
                RecordingFactory.this.events.add("protocol.connectionLost");
                super.connectionLost(reason);
            }
        };

        @Override
        public void startFactory() {
            events.add("startFactory");
        }

        @Override
        public void stopFactory() {
            events.add("stopFactory");
            stopped.complete(null);
        }

        @Override
        public void startedConnecting(Connector connector) {
            events.add("startedConnecting");
        }

        @Override
        public Protocol buildProtocol(SocketAddress address) {
            events.add("buildProtocol");
            return protocol;
        }

        @Override
        public void clientConnectionFailed(Connector connector, Throwable reason) {
            events.add("clientConnectionFailed");
            failed.complete(reason);
        }

        @Override
        public void clientConnectionLost(Connector connector, ConnectionClosed reason) {
            events.add("clientConnectionLost");
            lostConnection.complete(reason);
        }
    }

    /** A port with nothing listening on it (bound and closed; nobody else takes it this fast). */
    private static int closedPort() throws IOException {
        try (var s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    @ParameterizedTest
    @EnumSource(SelectorKind.class)
    void aRefusedConnectionIsReportedToTheFactoryNotThrown(SelectorKind kind) throws Exception {
        var factory = new RecordingFactory();
        int port = closedPort();
        try (Reactor reactor = Reactor.open(kind); var loop = ReactorThread.start(reactor, "t-reactor")) {
            Connector connector = loop.call(() -> reactor.connectTCP("127.0.0.1", port, factory));
            assertInstanceOf(ConnectException.class, factory.failed.get());
            factory.stopped.get();
            assertEquals(List.of("startFactory", "startedConnecting", "clientConnectionFailed", "stopFactory"),
                    factory.events);
            assertEquals(Connector.State.DISCONNECTED, loop.call(connector::state));
            assertEquals(new InetSocketAddress("127.0.0.1", port).getPort(), connector.getDestination().getPort());
        }
    }

    @ParameterizedTest
    @EnumSource(SelectorKind.class)
    void aConnectThatHangsTimesOut(SelectorKind kind) throws Exception {
        var factory = new RecordingFactory();
        try (var full = new FullListener();
             Reactor reactor = Reactor.open(kind); var loop = ReactorThread.start(reactor, "t-reactor")) {
            loop.call(() -> reactor.connectTCP("127.0.0.1", full.port(), factory, Duration.ofMillis(300)));
            var reason = assertInstanceOf(SocketTimeoutException.class, factory.failed.get());
            assertTrue(reason.getMessage().contains("timed out after 300 ms"), reason.getMessage());
            factory.stopped.get();
            assertEquals(List.of("startFactory", "startedConnecting", "clientConnectionFailed", "stopFactory"),
                    factory.events);
        }
    }

    @Test
    void aConnectionEndsWithTheProtocolFirstThenTheFactory() throws Exception {
        var factory = new RecordingFactory();
        try (Reactor reactor = Reactor.open(); var loop = ReactorThread.start(reactor, "t-reactor")) {
            loop.call(() -> {
                ListeningPort port = reactor.listenTCP(0, a -> new Recorder(r -> {
                    r.t().write("a poem".getBytes(StandardCharsets.UTF_8));
                    r.t().loseConnection();
                }), "127.0.0.1");
                return reactor.connectTCP("127.0.0.1", port.port(), factory);
            });
            assertInstanceOf(ConnectionDone.class, factory.lostConnection.get());
            factory.stopped.get();
            assertEquals("a poem", factory.protocol.text());
            assertEquals(List.of("startFactory", "startedConnecting", "buildProtocol", "protocol.connectionLost",
                    "clientConnectionLost", "stopFactory"), factory.events);
        }
    }

    @Test
    void aHostNameIsResolvedOffTheLoop() throws Exception {
        var factory = new RecordingFactory();
        try (Reactor reactor = Reactor.open(); var loop = ReactorThread.start(reactor, "t-reactor")) {
            Connector connector = loop.call(() -> {
                ListeningPort port = reactor.listenTCP(0, a -> new Echo(), "127.0.0.1");
                return reactor.connectTCP("localhost", port.port(), factory);
            });
            factory.protocol.made.get();
            assertEquals("localhost", connector.getDestination().getHostString());
            assertEquals(Connector.State.CONNECTED, loop.call(connector::state));
            loop.execute(connector::disconnect);
            assertInstanceOf(ConnectionDone.class, factory.lostConnection.get());
        }
    }

    @Test
    void stopConnectingFailsTheAttemptWithACancellation() throws Exception {
        var factory = new RecordingFactory();
        try (Reactor reactor = Reactor.open(); var loop = ReactorThread.start(reactor, "t-reactor")) {
            loop.call(() -> {
                // a name, so the attempt is still resolving when we stop it
                Connector c = reactor.connectTCP("localhost", 9, factory);
                c.stopConnecting();
                assertThrows(IllegalStateException.class, c::stopConnecting);
                return c;
            });
            assertInstanceOf(CancellationException.class, factory.failed.get());
            factory.stopped.get();
            assertEquals(List.of("startFactory", "startedConnecting", "clientConnectionFailed", "stopFactory"),
                    factory.events);
        }
    }

    @Test
    void aFactoryMayRetryFromClientConnectionFailed() throws Exception {
        int port = closedPort();
        var attempts = new CopyOnWriteArrayList<Throwable>();
        var done = new CompletableFuture<Void>();
        var events = new CopyOnWriteArrayList<String>();
        ClientFactory retryOnce = new ClientFactory() {
            @Override
            public Protocol buildProtocol(SocketAddress address) {
                return new Recorder();
            }

            @Override
            public void startFactory() {
                events.add("start");
            }

            @Override
            public void stopFactory() {
                events.add("stop");
                done.complete(null);
            }

            @Override
            public void clientConnectionFailed(Connector connector, Throwable reason) {
                attempts.add(reason);
                if (attempts.size() < 3) {
                    connector.connect();
                }
            }
        };
        try (Reactor reactor = Reactor.open(); var loop = ReactorThread.start(reactor, "t-reactor")) {
            loop.call(() -> reactor.connectTCP("127.0.0.1", port, retryOnce));
            done.get();
            assertEquals(3, attempts.size());
            attempts.forEach(a -> assertInstanceOf(ConnectException.class, a));
            assertEquals(List.of("start", "stop"), events, "started once, stopped after the last attempt");
        }
    }

    @Test
    void connectingWhileConnectedIsMisuse() throws Exception {
        var factory = new RecordingFactory();
        try (Reactor reactor = Reactor.open(); var loop = ReactorThread.start(reactor, "t-reactor")) {
            Connector connector = loop.call(() -> {
                ListeningPort port = reactor.listenTCP(0, a -> new Recorder(), "127.0.0.1");
                return reactor.connectTCP("127.0.0.1", port.port(), factory);
            });
            factory.protocol.made.get();
            assertThrows(IllegalStateException.class, () -> loop.call(() -> {
                connector.connect();
                return null;
            }));
        }
    }

    @Test
    void aConnectorStillConnectingWhenTheReactorStopsFails() throws Exception {
        var factory = new RecordingFactory();
        Reactor reactor = Reactor.open();
        try (var full = new FullListener(); var loop = ReactorThread.start(reactor, "t-reactor")) {
            Connector connector = loop.call(() -> reactor.connectTCP("127.0.0.1", full.port(), factory));
            assertEquals(Connector.State.CONNECTING, loop.call(connector::state));
            loop.execute(reactor::stop);
            loop.join();
        }
        assertInstanceOf(ReactorStoppedException.class, factory.failed.get());
    }
}
