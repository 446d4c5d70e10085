package org.slowpoetry.clients.reactor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.slowpoetry.trial.TrialAssertions.assertFailure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slowpoetry.defer.CancelledException;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.fetch.FetchException;
import org.slowpoetry.fetch.FetchFailure;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.fetch.PoetryClient;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.reactor.CannotListenException;
import org.slowpoetry.reactor.ConnectionClosed;
import org.slowpoetry.reactor.ListeningPort;
import org.slowpoetry.reactor.Protocol;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.trial.ReactorTest;
import org.slowpoetry.trial.Trial;

/**
 * The text's {@code get_poetry(host, port)} on the reactor, {@link PoetryClient#getPoetry}: a
 * Deferred fired by the code that made it (Part 13, exercise 3) with the poem or a
 * {@link FetchException} holding the failure as a value, and cancellable (Part 19, exercise 4).
 * Tested as trial tests it (Part 15): each test runs on the reactor, against a server on the same
 * reactor, and waits for the client's Deferred and for the server to see its connection end, so
 * that nothing is left open when the dirty-reactor check looks.
 */
@ReactorTest(timeout = 20)
class GetPoetryTest {
    private final FetchSettings settings = FetchSettings.defaults();
    /** The servers' ports, stopped after each test. Reactor thread only. */
    private final List<ListeningPort> ports = new ArrayList<>();

    @AfterEach
    void stopListening() {
        ports.forEach(ListeningPort::stopListening);
    }

    @Test
    void theDeferredFiresWithTheWholePoemAndProgressHearsEveryByte(Reactor reactor, Trial trial)
            throws CannotListenException {
        byte[] poem = ReactorTesting.poem("whole", 5);
        Server server = serve(reactor, poem, Then.CLOSE);
        AtomicInteger progress = new AtomicInteger(); // reactor thread only; atomic for the lambda
        Deferred<byte[]> d = PoetryClient.getPoetry(reactor, server.address(), settings, progress::addAndGet);
        trial.waitFor(both(d.thenApply(got -> {
            assertArrayEquals(poem, got);
            assertEquals(poem.length, progress.get());
            return null;
        }), server));
    }

    @Test
    void aRefusedConnectFailsTheDeferredWithTheFailureAsAValue(Reactor reactor, Trial trial) {
        Address down = ReactorTesting.refusingAddress();
        trial.waitFor(assertFailure(PoetryClient.getPoetry(reactor, down, settings), FetchException.class)
                .thenApply(failed -> {
                    assertEquals(new FetchFailure.Refused(down), failed.failure());
                    return null;
                }));
    }

    @Test
    void aServerSilentForTheTimeoutFailsItAfterTheBytesThatCame(Reactor reactor, Trial trial)
            throws CannotListenException {
        byte[] poem = ReactorTesting.poem("silent", 3);
        Duration timeout = Duration.ofMillis(300);
        Server server = serve(reactor, Arrays.copyOf(poem, 10), Then.STAY_SILENT);
        Deferred<byte[]> d = PoetryClient.getPoetry(reactor, server.address(), settings.withTimeout(timeout));
        trial.waitFor(both(assertFailure(d, FetchException.class).thenApply(failed -> {
            assertEquals(new FetchFailure.TimedOut(server.address(), true, 10, timeout), failed.failure());
            assertArrayEquals(Arrays.copyOf(poem, 10), failed.partial());
            return null;
        }), server));
    }

    @Test
    void aServerThatClosesBeforeAByteGivesNoPoem(Reactor reactor, Trial trial) throws CannotListenException {
        Server server = serve(reactor, new byte[0], Then.CLOSE);
        Deferred<byte[]> d = PoetryClient.getPoetry(reactor, server.address(), settings);
        trial.waitFor(both(assertFailure(d, FetchException.class).thenApply(failed -> {
            assertEquals(new FetchFailure.NoPoem(server.address()), failed.failure());
            return null;
        }), server));
    }

    @Test
    void cancellingMidPoemClosesTheConnectionAndFailsTheDeferredWithCancelled(Reactor reactor, Trial trial)
            throws CannotListenException {
        Server server = serve(reactor, Arrays.copyOf(ReactorTesting.poem("cut", 2), 10), Then.STAY_SILENT);
        AtomicInteger received = new AtomicInteger(); // reactor thread only; atomic for the lambda
        AtomicReference<Deferred<byte[]>> fetching = new AtomicReference<>();
        fetching.set(PoetryClient.getPoetry(reactor, server.address(), settings, bytes -> {
            if (received.addAndGet(bytes) == 10) {
                reactor.callLater(Duration.ZERO, () -> fetching.get().cancel()); // after this chunk's callback
            }
        }));
        // the server's end of the connection is lost: it sees the client close
        trial.waitFor(both(assertFailure(fetching.get(), CancelledException.class), server));
    }

    @Test
    void cancellingWhileConnectingStopsTheConnect(Reactor reactor, Trial trial) {
        // cancelling before the reactor has had a turn is certain to find the connect in progress;
        // the dirty-reactor check after the test proves the connect is gone
        Deferred<byte[]> d = PoetryClient.getPoetry(reactor, ReactorTesting.refusingAddress(), settings);
        d.cancel();
        trial.waitFor(assertFailure(d, CancelledException.class));
    }

    /** What a test's server does after it has sent its bytes. */
    private enum Then {
        CLOSE,
        STAY_SILENT
    }

    /** A server on the test's reactor for one connection, and its end's loss, fired with the reason. */
    private record Server(Address address, Deferred<ConnectionClosed> lost) {
    }

    /** Listens on a free loopback port; the one client that connects is sent {@code bytes}, then {@code then}. */
    private Server serve(Reactor reactor, byte[] bytes, Then then) throws CannotListenException {
        Deferred<ConnectionClosed> lost = new Deferred<>();
        ListeningPort port = reactor.listenTCP(0, peer -> new Protocol() {
            @Override
            protected void connectionMade() {
                if (bytes.length > 0) {
                    transport().write(bytes);
                }
                if (then == Then.CLOSE) {
                    transport().loseConnection();
                }
            }

            @Override
            public void connectionLost(ConnectionClosed reason) {
                lost.callback(reason);
            }
        }, "127.0.0.1");
        ports.add(port);
        return new Server(new Address("127.0.0.1", port.port()), lost);
    }

    /** Waits for the client's outcome and for the server's end of the connection to be lost. */
    private static Deferred<?> both(Deferred<?> client, Server server) {
        return Deferred.gatherResults(List.of(client, server.lost()), false);
    }
}
