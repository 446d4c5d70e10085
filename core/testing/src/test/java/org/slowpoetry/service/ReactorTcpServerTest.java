package org.slowpoetry.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.slowpoetry.testing.TcpClients.assertRefused;
import static org.slowpoetry.testing.TcpClients.connect;
import static org.slowpoetry.testing.TcpClients.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slowpoetry.reactor.CannotListenException;
import org.slowpoetry.reactor.Protocol;
import org.slowpoetry.reactor.ProtocolFactory;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.reactor.ReactorThread;
import org.slowpoetry.testing.CapturedLog;
import org.slowpoetry.trial.LeakCheck;

/** The reactor TCP service on a real reactor and real loopback ports. */
@ExtendWith(LeakCheck.class)
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ReactorTcpServerTest {

    private static final byte[] POEM = "a poem with ünïcode\nin two lines\n".getBytes(StandardCharsets.UTF_8);

    /** Writes the poem and closes, as Part 11's fast server does. */
    private static final ProtocolFactory POET = peer -> new Protocol() {
        @Override
        protected void connectionMade() {
            transport().write(ByteBuffer.wrap(POEM));
            transport().loseConnection();
        }
    };

    /** The reactor's thread, started after LeakCheck's snapshot, so that a leak of it counts. */
    private ReactorThread thread;
    private Reactor reactor;

    @BeforeEach
    void startAReactor() throws IOException {
        thread = ReactorThread.start(Reactor.open(), "reactor-tcp-test");
        reactor = thread.reactor();
    }

    @AfterEach
    void closeTheReactor() {
        thread.close();
    }

    private void start(ReactorService service) throws Exception {
        thread.call(() -> {
            service.start();
            return null;
        });
    }

    /** Stops {@code service} on the loop and waits for its Deferred; returns what it fired with. */
    private Object stop(ReactorService service) throws Exception {
        var outcome = new CompletableFuture<Object>();
        thread.execute(() -> service.stop().addBoth(result -> {
            outcome.complete(result == null ? "stopped" : result);
            return null;
        }));
        return outcome.get(10, TimeUnit.SECONDS);
    }

    @Test
    void eachConnectionIsServedByAProtocolFromTheFactory() throws Exception {
        var tcp = new ReactorTcpServer("tcp", reactor, "127.0.0.1", 0, POET);
        start(tcp);
        assertArrayEquals(POEM, fetch(tcp.address()));
        assertArrayEquals(POEM, fetch(tcp.address()));
        assertEquals("stopped", stop(tcp));
    }

    @Test
    void stopClosesThePortSoANewConnectIsRefused() throws Exception {
        var tcp = new ReactorTcpServer("tcp", reactor, "127.0.0.1", 0, POET);
        start(tcp);
        InetSocketAddress address = tcp.address();
        assertEquals("stopped", stop(tcp));
        assertEquals(ServiceState.STOPPED, tcp.state());
        assertRefused(address);
    }

    @Test
    void aConnectionAcceptedBeforeTheStopGoesOnAsTwistedsDo() throws Exception {
        var connected = new CountDownLatch(1);
        ProtocolFactory echo = peer -> new Protocol() {
            @Override
            protected void connectionMade() {
                connected.countDown();
            }

            @Override
            public void dataReceived(ByteBuffer data) {
                transport().write(ByteBuffer.allocate(data.remaining()).put(data).flip());
                transport().loseConnection();
            }
        };
        var tcp = new ReactorTcpServer("echo", reactor, "127.0.0.1", 0, echo);
        start(tcp);
        try (Socket client = connect(tcp.address())) {
            assertTrue(connected.await(10, TimeUnit.SECONDS));
            assertEquals("stopped", stop(tcp));
            client.getOutputStream().write("still here".getBytes(StandardCharsets.US_ASCII));
            assertEquals("still here", new String(client.getInputStream().readAllBytes(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void aBusyPortFailsTheStartNamingTheServiceAndTheAddress() throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            var tcp = new ReactorTcpServer("tcp-" + port, reactor, "127.0.0.1", port, POET);
            var e = assertThrows(ServiceException.class, () -> start(tcp));
            assertTrue(e.getMessage().startsWith("cannot start tcp-" + port + ": cannot listen on 127.0.0.1:" + port + ": "),
                    e.getMessage());
            assertInstanceOf(CannotListenException.class, e.getCause());
            assertEquals(ServiceState.FAILED, tcp.state());
        }
    }

    @Test
    void startOffTheLoopThrowsAndLeavesTheServiceNew() {
        var tcp = new ReactorTcpServer("tcp", reactor, "127.0.0.1", 0, POET);
        assertThrows(WrongThreadException.class, tcp::start);
        assertEquals(ServiceState.NEW, tcp.state());
    }

    @Test
    void startAndStopAreLoggedWithTheNameAndTheBoundAddress() throws Exception {
        long mark = CapturedLog.mark();
        var tcp = new ReactorTcpServer("tcp-test", reactor, "127.0.0.1", 0, POET);
        start(tcp);
        int port = tcp.address().getPort();
        stop(tcp);
        assertEquals(List.of("INFO tcp-test listening on 127.0.0.1:" + port, "INFO tcp-test stopped listening on 127.0.0.1:" + port),
                CapturedLog.since(mark).stream().filter(l -> l.contains("tcp-test")).toList());
    }
}
