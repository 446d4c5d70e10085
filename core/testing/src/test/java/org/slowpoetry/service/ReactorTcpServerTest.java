package org.slowpoetry.service;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.slowpoetry.trial.TrialAssertions.assertFailure;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.InlineCallbacks;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.fetch.PoetryClient;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.reactor.CannotListenException;
import org.slowpoetry.reactor.Protocol;
import org.slowpoetry.reactor.ProtocolFactory;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.testing.CapturedLog;
import org.slowpoetry.trial.AccumulatingClient;
import org.slowpoetry.trial.ReactorTest;
import org.slowpoetry.trial.Trial;

/**
 * The reactor TCP service as trial tests it (Part 15, exercise 15.3): each test runs on its own
 * reactor, starts the service there and talks to it with clients on the same reactor
 * ({@link PoetryClient#getPoetry}, {@link AccumulatingClient}); {@code tearDown} hands over the
 * service's stop, as the text's returns {@code port.stopListening()}, and the dirty-reactor check
 * after it proves the port and every connection gone.
 */
@ReactorTest(timeout = 20)
class ReactorTcpServerTest {

    private static final byte[] POEM = "a poem with ünïcode\nin two lines\n".getBytes(StandardCharsets.UTF_8);

    private static final FetchSettings SETTINGS = FetchSettings.defaults();

    /** Writes the poem and closes, as Part 11's fast server does. */
    private static final ProtocolFactory POET = peer -> new Protocol() {
        @Override
        protected void connectionMade() {
            transport().write(ByteBuffer.wrap(POEM));
            transport().loseConnection();
        }
    };

    /** The service the test started, null if none. Reactor thread only. */
    private ReactorTcpServer tcp;

    /** trial's {@code tearDown}: the stop, waited for (a second stop waits for the first). */
    @AfterEach
    void tearDown(Trial trial) {
        if (tcp != null) {
            trial.waitFor(tcp.stop());
        }
    }

    @Test
    void eachConnectionIsServedByAProtocolFromTheFactory(Reactor reactor, Trial trial) throws ServiceException {
        start(new ReactorTcpServer("tcp", reactor, "127.0.0.1", 0, POET));
        Address address = Address.of(tcp.address());
        Deferred<List<byte[]>> two = Deferred.gatherResults(List.of(
                PoetryClient.getPoetry(reactor, address, SETTINGS), PoetryClient.getPoetry(reactor, address, SETTINGS)),
                false);
        trial.waitFor(two.thenApply(poems -> {
            assertArrayEquals(POEM, poems.get(0));
            assertArrayEquals(POEM, poems.get(1));
            return null;
        }));
    }

    @Test
    void stopClosesThePortSoANewConnectIsRefused(Reactor reactor, Trial trial) throws ServiceException {
        start(new ReactorTcpServer("tcp", reactor, "127.0.0.1", 0, POET));
        InetSocketAddress address = tcp.address();
        trial.waitFor(tcp.stop().thenCompose(stopped -> {
            assertEquals(ServiceState.STOPPED, tcp.state());
            return assertFailure(AccumulatingClient.connect(reactor, address), ConnectException.class);
        }));
    }

    @Test
    void aConnectionAcceptedBeforeTheStopGoesOnAsTwistedsDo(Reactor reactor, Trial trial) throws ServiceException {
        var accepted = new Deferred<Void>();
        ProtocolFactory echo = peer -> new Protocol() {
            @Override
            protected void connectionMade() {
                accepted.callback(null);
            }

            @Override
            public void dataReceived(ByteBuffer data) {
                transport().write(ByteBuffer.allocate(data.remaining()).put(data).flip());
                transport().loseConnection();
            }
        };
        start(new ReactorTcpServer("echo", reactor, "127.0.0.1", 0, echo));
        trial.waitFor(InlineCallbacks.run(reactor, ic -> {
            AccumulatingClient client = ic.await(AccumulatingClient.connect(reactor, tcp.address()));
            ic.await(accepted);
            ic.await(tcp.stop());
            client.write("still here".getBytes(US_ASCII));
            assertEquals("still here", new String(ic.await(client.received()), US_ASCII));
            return null;
        }));
    }

    @Test
    void aBusyPortFailsTheStartNamingTheServiceAndTheAddress(Reactor reactor) throws IOException {
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            var e = assertThrows(ServiceException.class,
                    () -> start(new ReactorTcpServer("tcp-" + port, reactor, "127.0.0.1", port, POET)));
            assertTrue(e.getMessage().startsWith("cannot start tcp-" + port + ": cannot listen on 127.0.0.1:" + port + ": "),
                    e.getMessage());
            assertInstanceOf(CannotListenException.class, e.getCause());
            assertEquals(ServiceState.FAILED, tcp.state());
        }
    }

    @Test
    void startOffTheLoopThrowsAndLeavesTheServiceNew(Reactor reactor, Trial trial) {
        var offLoop = new ReactorTcpServer("tcp", reactor, "127.0.0.1", 0, POET);
        Executor aVirtualThread = task -> Thread.ofVirtual().name("off-the-loop").start(task);
        CompletableFuture<Void> started = CompletableFuture.runAsync(() -> {
            try {
                offLoop.start();
            } catch (ServiceException e) {
                throw new CompletionException(e);
            }
        }, aVirtualThread);
        trial.waitFor(assertFailure(Deferred.fromFuture(started, reactor), WrongThreadException.class).thenApply(e -> {
            assertEquals(ServiceState.NEW, offLoop.state());
            return null;
        }));
    }

    @Test
    void startAndStopAreLoggedWithTheNameAndTheBoundAddress(Reactor reactor, Trial trial) throws ServiceException {
        long mark = CapturedLog.mark();
        start(new ReactorTcpServer("tcp-test", reactor, "127.0.0.1", 0, POET));
        int port = tcp.address().getPort();
        trial.waitFor(tcp.stop().thenApply(stopped -> {
            assertEquals(List.of("INFO tcp-test listening on 127.0.0.1:" + port,
                            "INFO tcp-test stopped listening on 127.0.0.1:" + port),
                    CapturedLog.since(mark).stream().filter(l -> l.contains("tcp-test")).toList());
            return null;
        }));
    }

    /** trial's {@code setUp} step, in the test: starts {@code service} as the test's, which tearDown stops. */
    private void start(ReactorTcpServer service) throws ServiceException {
        tcp = service;
        service.start();
    }
}
