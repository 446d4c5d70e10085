package org.slowpoetry.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slowpoetry.trial.Leaks;

/** A reactor that is closed leaves no file descriptor and no thread behind, whatever it did. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LeakTest {

    /** Serve and fetch 20 poems, fail to connect twice (refused, timeout), stop with connections open. */
    private static void busyLife(SelectorKind kind) throws Exception {
        int closedPort;
        try (var s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = s.getLocalPort();
        }
        try (var full = new FullListener();
             Reactor reactor = Reactor.open(kind);
             var loop = ReactorThread.start(reactor, "leak-reactor")) {
            var finished = new CopyOnWriteArrayList<ConnectionClosed>();
            var failures = new CopyOnWriteArrayList<Throwable>();
            var allDone = new CompletableFuture<Void>();
            int poems = 20;
            ClientFactory client = new ClientFactory() {
                @Override
                public Protocol buildProtocol(SocketAddress address) {
                    return new Recorder();
                }

                @Override
                public void clientConnectionLost(Connector connector, ConnectionClosed reason) {
                    finished.add(reason);
                    if (finished.size() == poems) {
                        allDone.complete(null);
                    }
                }

                @Override
                public void clientConnectionFailed(Connector connector, Throwable reason) {
                    failures.add(reason);
                }
            };
            loop.call(() -> {
                ListeningPort port = reactor.listenTCP(0, a -> new Recorder(r -> {
                    r.t().write("a short poem".getBytes(StandardCharsets.UTF_8));
                    r.t().loseConnection();
                }), "127.0.0.1");
                for (int i = 0; i < poems; i++) {
                    reactor.connectTCP("127.0.0.1", port.port(), client);
                }
                reactor.connectTCP("127.0.0.1", closedPort, client);
                reactor.connectTCP("127.0.0.1", full.port(), client, Duration.ofMillis(100));
                reactor.listenTCP(0, a -> new Recorder(), "127.0.0.1"); // left open for the stop to close
                reactor.connectTCP("localhost", port.port(), a -> new Recorder()); // left connected
                return null;
            });
            allDone.get();
            org.awaitility.Awaitility.await().until(() -> failures.size() == 2);
            finished.forEach(r -> assertInstanceOf(ConnectionDone.class, r));
            assertEquals(1, failures.stream().filter(ConnectException.class::isInstance).count());
            assertEquals(1, failures.stream().filter(SocketTimeoutException.class::isInstance).count());
        }
        Reactor neverRun = Reactor.open(kind);
        neverRun.listenTCP(0, a -> null, "127.0.0.1");
        neverRun.close();
    }

    @ParameterizedTest
    @EnumSource(SelectorKind.class)
    void aClosedReactorLeavesNoFdsOrThreads(SelectorKind kind) throws Exception {
        busyLife(kind); // warm up: class loading opens jar files once and for all
        Leaks.Snapshot before = Leaks.snapshot();
        for (int i = 0; i < 3; i++) {
            busyLife(kind);
        }
        Leaks.assertNoLeaksSince(before);
    }
}
