package org.slowpoetry.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.slowpoetry.testing.TcpClients.assertRefused;
import static org.slowpoetry.testing.TcpClients.connect;
import static org.slowpoetry.testing.TcpClients.fetch;

import java.net.BindException;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slowpoetry.net.RunningServer;
import org.slowpoetry.reactor.CannotListenException;
import org.slowpoetry.testing.CapturedLog;
import org.slowpoetry.trial.LeakCheck;

/**
 * The Loom TCP service on real loopback ports: a virtual thread per client, the socket closed
 * after the handler, and a stop that ends every connection and thread it made.
 */
@ExtendWith(LeakCheck.class)
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class LoomTcpServerTest {

    private static final byte[] POEM = "a poem with ünïcode\nin two lines\n".getBytes(StandardCharsets.UTF_8);

    /** Writes the poem; the service closes the socket. */
    private static final ConnectionHandler POET = (client, out) -> out.write(POEM);

    @Test
    void eachClientGetsWhatTheHandlerWritesAndTheSocketIsClosedAfterIt() throws Exception {
        var tcp = new LoomTcpServer("tcp", "127.0.0.1", 0, POET);
        tcp.start();
        try {
            assertArrayEquals(POEM, fetch(tcp.address()), "the read ends: the service closed the socket");
            assertArrayEquals(POEM, fetch(tcp.address()));
        } finally {
            tcp.stop();
        }
    }

    @Test
    void eachConnectionRunsOnItsOwnNamedVirtualThread() throws Exception {
        var threads = new ConcurrentLinkedQueue<Thread>();
        var tcp = new LoomTcpServer("poems", "127.0.0.1", 0, (client, out) -> threads.add(Thread.currentThread()));
        tcp.start();
        try {
            fetch(tcp.address());
            fetch(tcp.address());
        } finally {
            tcp.stop();
        }
        String prefix = "poems-server-" + tcp.address().getPort() + "-connection-";
        assertEquals(List.of(prefix + "1", prefix + "2"), threads.stream().map(Thread::getName).toList());
        assertTrue(threads.stream().allMatch(Thread::isVirtual));
    }

    @Test
    void stopClosesThePortSoANewConnectIsRefused() throws Exception {
        var tcp = new LoomTcpServer("tcp", "127.0.0.1", 0, POET);
        tcp.start();
        InetSocketAddress address = tcp.address();
        tcp.stop();
        assertEquals(ServiceState.STOPPED, tcp.state());
        assertRefused(address);
    }

    @Test
    void stopEndsConnectionsStillBeingServedAndWaitsForTheirThreads() throws Exception {
        var serving = new CountDownLatch(2);
        var tcp = new LoomTcpServer("tcp", "127.0.0.1", 0, (client, out) -> {
            serving.countDown();
            client.getInputStream().read(); // a client that never speaks: blocks until the stop
        });
        tcp.start();
        try (Socket first = connect(tcp.address()); Socket second = connect(tcp.address())) {
            assertTrue(serving.await(10, TimeUnit.SECONDS));
            tcp.stop(); // LeakCheck: no connection thread, no socket of the server left after this
            assertEquals(-1, first.getInputStream().read(), "closed by the stop");
            assertEquals(-1, second.getInputStream().read());
        }
    }

    @Test
    void aHandlerThatFailsEndsItsOwnConnectionOnly() throws Exception {
        var tcp = new LoomTcpServer("tcp", "127.0.0.1", 0, (client, out) -> {
            throw new IllegalStateException("a bug in the handler");
        });
        tcp.start();
        try {
            assertArrayEquals(new byte[0], fetch(tcp.address()), "closed with nothing sent");
            assertArrayEquals(new byte[0], fetch(tcp.address()), "and the server goes on");
        } finally {
            tcp.stop();
        }
    }

    @Test
    void aBusyPortFailsTheStartNamingTheServiceAndTheAddress() throws Exception {
        try (var taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            var tcp = new LoomTcpServer("tcp-" + port, "127.0.0.1", port, POET);
            var e = assertThrows(ServiceException.class, tcp::start);
            assertTrue(e.getMessage().startsWith("cannot start tcp-" + port + ": cannot listen on 127.0.0.1:" + port + ": "),
                    e.getMessage());
            assertInstanceOf(CannotListenException.class, e.getCause());
            assertEquals(ServiceState.FAILED, tcp.state());
            tcp.stop(); // nothing to stop
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
        tcp.start();
        tcp.stop();
    }

    @Test
    void aHandlerStoppingItsOwnServerIsToldItWouldWaitForItselfAndTheServerGoesOn() throws Exception {
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
        top.start();
        try {
            fetch(tcp.address());
            assertInstanceOf(WrongThreadException.class, outcome.get(10, TimeUnit.SECONDS));
            assertEquals(ServiceState.RUNNING, top.state());
            assertArrayEquals(new byte[0], fetch(tcp.address()), "still serving");
        } finally {
            top.stop();
        }
    }

    @Test
    void startAndStopAreLoggedWithTheNameAndTheBoundAddress() throws Exception {
        long mark = CapturedLog.mark();
        var tcp = new LoomTcpServer("tcp-test", "127.0.0.1", 0, POET);
        tcp.start();
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
        tcp.start();
        assertEquals(address, tcp.address());
        tcp.stop();
        assertEquals(0, closed.getCount(), "the stop closed the server");
    }

    @Test
    void aStarterThatCannotListenFailsTheStartNamingTheAddress() {
        var tcp = LoomTcpServer.of("tree", "::1", 10_000, () -> {
            throw new BindException("Address already in use");
        });
        var e = assertThrows(ServiceException.class, tcp::start);
        assertEquals("cannot start tree: cannot listen on [::1]:10000: Address already in use", e.getMessage());
        assertEquals(ServiceState.FAILED, tcp.state());
    }
}
