package org.slowpoetry.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.slowpoetry.testing.TcpClients.connect;

import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slowpoetry.net.RunningServer;
import org.slowpoetry.reactor.CannotListenException;
import org.slowpoetry.testing.CapturedLog;
import org.slowpoetry.trial.LoomTest;
import org.slowpoetry.trial.LoomTestScope;

/**
 * The Loom TCP service on real loopback ports, under {@link LoomTest} (Part 15, exercise 15.3): a
 * virtual thread per client, the socket closed after the handler, and a stop that ends every
 * connection and thread it made. The clients are forks of the test's scope, their sockets owned by
 * it; {@code tearDown} stops the service, and the checks after it prove that no fork, socket or
 * thread of the server is left.
 */
@LoomTest(timeout = 20)
@Timeout(30)
class LoomTcpServerTest {

    private static final byte[] POEM = "a poem with ünïcode\nin two lines\n".getBytes(StandardCharsets.UTF_8);

    /** Writes the poem; the service closes the socket. */
    private static final ConnectionHandler POET = (client, out) -> out.write(POEM);

    /** The service the test started, null if none. Written and read by the test's thread. */
    private LoomService started;

    /** trial's {@code tearDown}: the stop (a second stop returns once the first has). */
    @AfterEach
    void tearDown() throws Exception {
        if (started != null) {
            started.stop();
        }
    }

    @Test
    void eachClientGetsWhatTheHandlerWritesAndTheSocketIsClosedAfterIt(LoomTestScope scope) throws Exception {
        var tcp = start(new LoomTcpServer("tcp", "127.0.0.1", 0, POET));
        assertArrayEquals(POEM, fetch(scope, tcp.address()), "the read ends: the service closed the socket");
        assertArrayEquals(POEM, fetch(scope, tcp.address()));
    }

    @Test
    void eachConnectionRunsOnItsOwnNamedVirtualThread(LoomTestScope scope) throws Exception {
        var threads = new ConcurrentLinkedQueue<Thread>();
        var tcp = start(new LoomTcpServer("poems", "127.0.0.1", 0, (client, out) -> threads.add(Thread.currentThread())));
        fetch(scope, tcp.address());
        fetch(scope, tcp.address());
        String prefix = "poems-server-" + tcp.address().getPort() + "-connection-";
        assertEquals(List.of(prefix + "1", prefix + "2"), threads.stream().map(Thread::getName).toList());
        assertTrue(threads.stream().allMatch(Thread::isVirtual));
    }

    @Test
    void stopClosesThePortSoANewConnectIsRefused(LoomTestScope scope) throws Exception {
        var tcp = start(new LoomTcpServer("tcp", "127.0.0.1", 0, POET));
        InetSocketAddress address = tcp.address();
        tcp.stop();
        assertEquals(ServiceState.STOPPED, tcp.state());
        assertThrows(ConnectException.class, scope.fork("client", () -> scope.own(connect(address)))::join);
    }

    @Test
    void stopEndsConnectionsStillBeingServedAndWaitsForTheirThreads(LoomTestScope scope) throws Exception {
        var serving = new CountDownLatch(2);
        var tcp = start(new LoomTcpServer("tcp", "127.0.0.1", 0, (client, out) -> {
            serving.countDown();
            client.getInputStream().read(); // a client that never speaks: blocks until the stop
        }));
        try (Socket first = scope.own(connect(tcp.address())); Socket second = scope.own(connect(tcp.address()))) {
            assertTrue(serving.await(10, TimeUnit.SECONDS));
            tcp.stop(); // the leak check: no connection thread, no socket of the server left after this
            assertEquals(-1, first.getInputStream().read(), "closed by the stop");
            assertEquals(-1, second.getInputStream().read());
        }
    }

    @Test
    void aHandlerThatFailsEndsItsOwnConnectionOnly(LoomTestScope scope) throws Exception {
        var tcp = start(new LoomTcpServer("tcp", "127.0.0.1", 0, (client, out) -> {
            throw new IllegalStateException("a bug in the handler");
        }));
        assertArrayEquals(new byte[0], fetch(scope, tcp.address()), "closed with nothing sent");
        assertArrayEquals(new byte[0], fetch(scope, tcp.address()), "and the server goes on");
    }

    @Test
    void aBusyPortFailsTheStartNamingTheServiceAndTheAddress(LoomTestScope scope) throws Exception {
        try (ServerSocket taken = scope.own(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))) {
            int port = taken.getLocalPort();
            var tcp = new LoomTcpServer("tcp-" + port, "127.0.0.1", port, POET);
            var e = assertThrows(ServiceException.class, () -> start(tcp));
            assertTrue(e.getMessage().startsWith("cannot start tcp-" + port + ": cannot listen on 127.0.0.1:" + port + ": "),
                    e.getMessage());
            assertInstanceOf(CannotListenException.class, e.getCause());
            assertEquals(ServiceState.FAILED, tcp.state());
        }
    }

    @Test
    void aPortOutOfRangeIsRefusedAtOnce() {
        var e = assertThrows(IllegalArgumentException.class, () -> new LoomTcpServer("tcp", "127.0.0.1", 70_000, POET));
        assertEquals("port out of range 0–65535: 70000", e.getMessage());
    }

    @Test
    void theAddressIsKnownOnceStartedOnly() throws Exception {
        var tcp = new LoomTcpServer("tcp", "127.0.0.1", 0, POET);
        var e = assertThrows(IllegalStateException.class, tcp::address);
        assertEquals("tcp is not listening: it is NEW", e.getMessage());
        start(tcp);
        assertTrue(tcp.address().getPort() > 0, "the real port, not the 0 asked for: " + tcp.address());
    }

    @Test
    void aHandlerStoppingItsOwnServerIsToldItWouldWaitForItselfAndTheServerGoesOn(LoomTestScope scope)
            throws Exception {
        var top = new LoomMultiService("top");
        var outcome = new CompletableFuture<Throwable>();
        var tcp = top.add(new LoomTcpServer("tcp", "127.0.0.1", 0, (client, out) -> {
            try {
                top.stop();
                outcome.complete(null);
            } catch (WrongThreadException | ServiceException e) {
                outcome.complete(e);
            }
        }));
        start(top);
        fetch(scope, tcp.address());
        assertInstanceOf(WrongThreadException.class, outcome.get(10, TimeUnit.SECONDS));
        assertEquals(ServiceState.RUNNING, top.state());
        assertArrayEquals(new byte[0], fetch(scope, tcp.address()), "still serving");
    }

    @Test
    void startAndStopAreLoggedWithTheNameAndTheBoundAddress() throws Exception {
        long mark = CapturedLog.mark();
        var tcp = start(new LoomTcpServer("tcp-test", "127.0.0.1", 0, POET));
        int port = tcp.address().getPort();
        tcp.stop();
        assertEquals(List.of("INFO tcp-test listening on 127.0.0.1:" + port, "INFO tcp-test stopped listening on 127.0.0.1:" + port),
                CapturedLog.since(mark).stream().filter(l -> l.contains("tcp-test")).toList());
    }

    @Test
    void anyServerThatOwnsItsThreadsRunsAsTheServiceWithOf() throws Exception {
        var closed = new CountDownLatch(1);
        var address = new InetSocketAddress("127.0.0.1", 10_000);
        var tcp = LoomTcpServer.of("tree", "127.0.0.1", 10_000, () -> new RunningServer() {
            @Override
            public InetSocketAddress address() {
                return address;
            }

            @Override
            public void awaitTermination() throws InterruptedException {
                closed.await();
            }

            @Override
            public Optional<Throwable> failure() {
                return Optional.empty();
            }

            @Override
            public void close() {
                closed.countDown();
            }
        });
        start(tcp);
        assertEquals(address, tcp.address());
        tcp.stop();
        assertEquals(0, closed.getCount(), "the stop closed the server");
    }

    @Test
    void aStarterThatCannotListenFailsTheStartNamingTheAddress() {
        var tcp = LoomTcpServer.of("tree", "::1", 10_000, () -> {
            throw new BindException("Address already in use");
        });
        var e = assertThrows(ServiceException.class, () -> start(tcp));
        assertEquals("cannot start tree: cannot listen on [::1]:10000: Address already in use", e.getMessage());
        assertEquals(ServiceState.FAILED, tcp.state());
    }

    /** trial's {@code setUp} step, in the test: starts {@code service} as the test's, which tearDown stops. */
    private <S extends LoomService> S start(S service) throws ServiceException {
        started = service;
        service.start();
        return service;
    }

    /** A client on a fork of the test's scope: every byte {@code server} sends until it closes. */
    private static byte[] fetch(LoomTestScope scope, InetSocketAddress server) throws Exception {
        return scope.fork("client", () -> {
            try (Socket socket = scope.own(connect(server))) {
                return socket.getInputStream().readAllBytes();
            }
        }).join();
    }
}
