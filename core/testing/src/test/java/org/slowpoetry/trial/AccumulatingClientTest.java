package org.slowpoetry.trial;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.slowpoetry.trial.TrialAssertions.assertFailure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slowpoetry.defer.Awaiter;
import org.slowpoetry.defer.CancelledException;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.InlineCallbacks;
import org.slowpoetry.reactor.CannotListenException;
import org.slowpoetry.reactor.ConnectionClosed;
import org.slowpoetry.reactor.ListeningPort;
import org.slowpoetry.reactor.Protocol;
import org.slowpoetry.reactor.Reactor;

/**
 * {@link AccumulatingClient} against a small server on the test's reactor, which does what the
 * test asks with its one connection. A test with a connection also waits for the server's end of
 * it to be lost, so the dirty-reactor check after it proves the client left nothing open.
 */
@ReactorTest(timeout = 20)
class AccumulatingClientTest {

    private static final byte[] HELLO = "hello, server\n".getBytes(US_ASCII);

    /** What the server does with its one connection. */
    private enum Reply {
        /** Once {@link #HELLO} has come, sends it back twice and closes. */
        ECHO_TWICE_AND_CLOSE,
        /** Sends one byte more than the client keeps, and waits. */
        FLOOD,
        /** Says nothing, and waits. */
        NOTHING
    }

    /** Set by the test before it connects. Reactor thread only. */
    private Reply reply = Reply.NOTHING;
    /** Fired when the server's end of the connection is lost. Reactor thread only. */
    private final Deferred<ConnectionClosed> serverLost = new Deferred<>();
    /** The server, listening from setUp to tearDown. */
    private ListeningPort port;

    @BeforeEach
    void setUp(Reactor reactor) throws CannotListenException {
        port = reactor.listenTCP(0, peer -> new Server(), "127.0.0.1");
    }

    @AfterEach
    void tearDown() {
        port.stopListening();
    }

    @Test
    void exchangeWritesTheRequestAndGathersEveryByteUntilTheServerCloses(Reactor reactor, Trial trial) {
        reply = Reply.ECHO_TWICE_AND_CLOSE;
        Deferred<byte[]> d = AccumulatingClient.exchange(reactor, port.address(), HELLO);
        trial.waitFor(andTheServersEnd(d.thenApply(bytes -> {
            assertEquals("hello, server\nhello, server\n", new String(bytes, US_ASCII));
            return null;
        })));
    }

    @Test
    void afterTheEndEachCallGivesANewDeferredWithTheSameBytes(Reactor reactor, Trial trial) {
        reply = Reply.ECHO_TWICE_AND_CLOSE;
        trial.waitFor(withClient(reactor, (ic, client) -> {
            client.write(HELLO);
            byte[] first = ic.await(client.received());
            first[0] = 'J'; // the caller's copy: the next caller still gets what came
            assertEquals("hello, server\nhello, server\n", new String(ic.await(client.received()), US_ASCII));
            return null;
        }));
    }

    @Test
    void closingFromThisSideEndsTheConnectionCleanly(Reactor reactor, Trial trial) {
        trial.waitFor(withClient(reactor, (ic, client) -> {
            client.loseConnection();
            assertArrayEquals(new byte[0], ic.await(client.received()));
            return null;
        }));
    }

    @Test
    void aServerThatSendsTooMuchFailsTheClientWhichCutsItOff(Reactor reactor, Trial trial) {
        reply = Reply.FLOOD;
        Deferred<byte[]> d = AccumulatingClient.exchange(reactor, port.address(), HELLO);
        trial.waitFor(andTheServersEnd(assertFailure(d, AssertionError.class).thenApply(e -> {
            assertEquals("the server at " + Addresses.text(port.address()) + " sent more than "
                    + AccumulatingClient.MAX_BYTES + " bytes", e.getMessage());
            return null;
        })));
    }

    @Test
    void cancellingTheReplyAbortsTheConnection(Reactor reactor, Trial trial) {
        trial.waitFor(withClient(reactor, (ic, client) -> {
            Deferred<byte[]> d = client.received();
            d.cancel();
            return ic.await(assertFailure(d, CancelledException.class));
        }));
    }

    @Test
    void writingAfterTheEndThrowsNamingTheServer(Reactor reactor, Trial trial) {
        trial.waitFor(withClient(reactor, (ic, client) -> {
            client.loseConnection();
            ic.await(client.received());
            var e = assertThrows(IllegalStateException.class, () -> client.write(HELLO));
            assertEquals("cannot write: the client of " + Addresses.text(port.address()) + " is ENDED",
                    e.getMessage());
            return null;
        }));
    }

    @Test
    void aRefusedConnectFailsWithConnectException(Reactor reactor, Trial trial) throws IOException {
        trial.waitFor(assertFailure(AccumulatingClient.connect(reactor, nobody()), ConnectException.class));
    }

    @Test
    void cancellingTheConnectStopsIt(Reactor reactor, Trial trial) throws IOException {
        // cancelled before the reactor has had a turn: the connect is certain to be in progress,
        // and the dirty-reactor check after the test proves it is gone
        Deferred<AccumulatingClient> connecting = AccumulatingClient.connect(reactor, nobody());
        connecting.cancel();
        trial.waitFor(assertFailure(connecting, CancelledException.class));
    }

    /** A loopback address where nothing listens. */
    private static InetSocketAddress nobody() throws IOException {
        return new InetSocketAddress("127.0.0.1", TestPoetryTest.freePort().port());
    }

    /** Waits for the client's outcome and for the server's end of the connection to be lost. */
    private Deferred<?> andTheServersEnd(Deferred<?> client) {
        return Deferred.gatherResults(List.of(client, serverLost), false);
    }

    /** The steps of a test with a connected client, as an inline-callbacks body. */
    @FunctionalInterface
    private interface WithClient {
        Object run(Awaiter ic, AccumulatingClient client) throws Exception;
    }

    /** Connects to the server and runs {@code steps} with the client; waits for them and for the server's end. */
    private Deferred<?> withClient(Reactor reactor, WithClient steps) {
        return andTheServersEnd(InlineCallbacks.run(reactor, ic -> steps.run(ic,
                ic.await(AccumulatingClient.connect(reactor, port.address())))));
    }

    /** The server's protocol: does as {@link #reply} says. */
    private final class Server extends Protocol {
        /** What has come so far. Reactor thread only. */
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();

        @Override
        protected void connectionMade() {
            if (reply == Reply.FLOOD) {
                transport().write(new byte[AccumulatingClient.MAX_BYTES + 1]);
            }
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            received.writeBytes(bytes);
            if (reply == Reply.ECHO_TWICE_AND_CLOSE && received.size() == HELLO.length) {
                transport().write(received.toByteArray());
                transport().write(received.toByteArray());
                transport().loseConnection();
            }
        }

        @Override
        public void connectionLost(ConnectionClosed reason) {
            serverLost.callback(reason);
        }
    }
}
