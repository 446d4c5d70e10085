package org.slowpoetry.servers;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slowpoetry.servers.RecordingServerEvents.Connected;
import org.slowpoetry.servers.RecordingServerEvents.Dropped;
import org.slowpoetry.servers.RecordingServerEvents.Finished;
import org.slowpoetry.servers.RecordingServerEvents.Listening;
import org.slowpoetry.servers.RecordingServerEvents.Sent;
import org.slowpoetry.time.MonotonicClock;
import org.slowpoetry.trial.LeakCheck;

/**
 * What every {@link ServerImpl} must do, as tests on real loopback sockets. An impl's test class
 * extends this and names its impl; it inherits every test, and adds the ones only its style has.
 *
 * {@snippet :
 * class LoomServerTest extends ServerImplContract {
 *     @Override
 *     protected ServerImpl impl() {
 *         return new LoomServerImpl();
 *     }
 * }
 * }
 *
 * Every test also checks, through {@link LeakCheck}, that the server left no socket or thread
 * behind once closed. The clock is the system clock: these rules hold for every impl whatever its
 * timers are; pacing on an injected clock is tested per impl.
 *
 * <p><b>Threading:</b> JUnit runs each test on its own thread, one test at a time (the leak check
 * relies on that); the servers report {@link #events} from theirs.
 */
@ExtendWith(LeakCheck.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
public abstract class ServerImplContract {

    /** What the server under test reported (a new recorder per test: JUnit makes an instance per test). */
    protected final RecordingServerEvents events = new RecordingServerEvents();

    /** The impl under test. */
    protected abstract ServerImpl impl();

    /** A slow server on 127.0.0.1, a random port, the system clock, reporting to {@link #events}. */
    protected ServerConfig slow(Poem poem, int numBytes, Duration delay) {
        return ServerConfig.slow(poem).withPacing(numBytes, delay).withEvents(events);
    }

    /** A fast server on 127.0.0.1, a random port, reporting to {@link #events}. */
    protected ServerConfig fast(Poem poem) {
        return ServerConfig.fast(poem).withEvents(events);
    }

    @Test
    public void slowServerSendsThePoemExactlyThenCloses() throws Exception {
        Poem poem = TestPoems.shortPoem();
        try (PoetryServer server = impl().start(slow(poem, 7, Duration.ZERO))) {
            assertArrayEquals(poem.bytes(), Clients.fetch(server.address()));
        }
    }

    @Test
    public void fastServerSendsThePoemExactlyThenCloses() throws Exception {
        Poem poem = TestPoems.shortPoem();
        try (PoetryServer server = impl().start(fast(poem))) {
            assertArrayEquals(poem.bytes(), Clients.fetch(server.address()));
        }
    }

    @Test
    public void fastServerSendsAPoemLargerThanTheSocketBuffersExactly() throws Exception {
        Poem poem = TestPoems.ofSize(8 << 20);
        try (PoetryServer server = impl().start(fast(poem))) {
            assertArrayEquals(poem.bytes(), Clients.fetch(server.address()));
        }
    }

    @Test
    public void clientsOneAfterAnotherEachGetTheWholePoem() throws Exception {
        Poem poem = TestPoems.shortPoem();
        try (PoetryServer slow = impl().start(slow(poem, 10, Duration.ZERO));
                PoetryServer fast = impl().start(fast(poem))) {
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(poem.bytes(), Clients.fetch(slow.address()), "slow, client " + i);
                assertArrayEquals(poem.bytes(), Clients.fetch(fast.address()), "fast, client " + i);
            }
        }
    }

    @Test
    public void listeningIsReportedFirstWithTheBoundPort() throws Exception {
        Poem poem = TestPoems.shortPoem();
        try (PoetryServer server = impl().start(fast(poem))) {
            assertNotEquals(0, server.port());
            assertEquals(new Listening(poem.source(), server.address()), events.all().getFirst());
        }
    }

    @Test
    public void slowServerReportsTheClientEverySendAndTheEnd() throws Exception {
        Poem poem = TestPoems.shortPoem();
        try (PoetryServer server = impl().start(slow(poem, 10, Duration.ZERO));
                Socket client = Clients.connect(server.address())) {
            assertArrayEquals(poem.bytes(), client.getInputStream().readAllBytes());
            SocketAddress peer = client.getLocalSocketAddress();
            await().atMost(Duration.ofSeconds(10)).until(() -> !events.about(peer).isEmpty()
                    && events.about(peer).getLast() instanceof Finished);

            List<RecordingServerEvents.Event> expected = new ArrayList<>();
            expected.add(new Connected(peer));
            for (int at = 0; at < poem.size(); at += 10) {
                expected.add(new Sent(peer, Math.min(10, poem.size() - at)));
            }
            expected.add(new Finished(peer));
            assertEquals(expected, events.about(peer));
        }
    }

    @Test
    public void clientThatLeavesEarlyIsReportedAndTheServerGoesOn() throws Exception {
        Poem poem = TestPoems.shortPoem();
        try (PoetryServer server = impl().start(slow(poem, 2, Duration.ofMillis(5)))) {
            SocketAddress quitter;
            try (Socket client = Clients.connect(server.address())) {
                Clients.readExactly(client.getInputStream(), 2);
                quitter = client.getLocalSocketAddress();
                client.setSoLinger(true, 0); // close with a reset: the server's next send fails
            }
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> events.about(quitter).stream().anyMatch(e -> e instanceof Dropped));
            assertTrue(events.about(quitter).stream().noneMatch(e -> e instanceof Finished));

            assertArrayEquals(poem.bytes(), Clients.fetch(server.address()));
        }
    }

    @Test
    public void closeEndsAConnectionInTheMiddleOfAPoem() throws Exception {
        Poem poem = TestPoems.shortPoem();
        // An hour between sends: close() must not wait for the next one.
        PoetryServer server = impl().start(slow(poem, 10, Duration.ofHours(1)));
        try (Socket client = Clients.connect(server.address())) {
            InputStream in = client.getInputStream();
            Clients.readExactly(in, 10);
            server.close();
            assertEndOfStreamOrReset(in);
        } finally {
            server.close();
        }
    }

    @Test
    public void closeEndsAWriteToAClientThatDoesNotRead() throws Exception {
        // Far more than the loopback socket buffers hold: the server blocks (or waits) mid-poem.
        Poem poem = TestPoems.ofSize(32 << 20);
        PoetryServer server = impl().start(fast(poem));
        try (Socket client = Clients.connect(server.address())) {
            SocketAddress peer = client.getLocalSocketAddress();
            await().atMost(Duration.ofSeconds(10)).until(() -> !events.about(peer).isEmpty());
            server.close();
        } finally {
            server.close();
        }
    }

    @Test
    public void closeIsIdempotentAndEndsTheServer() throws Exception {
        PoetryServer server = impl().start(fast(TestPoems.shortPoem()));
        server.close();
        server.close();
        server.awaitTermination();
        assertTrue(server.failure().isEmpty());
        assertThrows(IOException.class, () -> Clients.fetch(server.address()));
    }

    @Test
    public void aPortInUseFailsToStartAndLeavesNothingOpen() throws Exception {
        try (PoetryServer first = impl().start(fast(TestPoems.shortPoem()))) {
            ServerConfig same = fast(TestPoems.shortPoem()).withPort(first.port());
            IOException e = assertThrows(IOException.class, () -> impl().start(same).close());
            assertInstanceOf(java.net.BindException.class, e, e::toString);
            // The first server is unharmed.
            assertArrayEquals(TestPoems.shortPoem().bytes(), Clients.fetch(first.address()));
        }
    }

    @Test
    public void serverOnTheSystemClockHonoursTheDelay() throws Exception {
        // Two times measured in one run, never an absolute one: 5 sends with 4 pauses of 50 ms
        // take longer than the same 5 sends with none.
        Poem poem = TestPoems.ofSize(50);
        MonotonicClock clock = MonotonicClock.system();
        long paused;
        long unpaused;
        try (PoetryServer server = impl().start(slow(poem, 10, Duration.ofMillis(50)))) {
            long start = clock.nanoTime();
            Clients.fetch(server.address());
            paused = clock.nanoTime() - start;
        }
        try (PoetryServer server = impl().start(slow(poem, 10, Duration.ZERO))) {
            long start = clock.nanoTime();
            Clients.fetch(server.address());
            unpaused = clock.nanoTime() - start;
        }
        assertTrue(paused > unpaused, "paused " + paused + " ns, unpaused " + unpaused + " ns");
    }

    /** After the server closed the connection: EOF, or a reset if it closed with unsent data. */
    protected static void assertEndOfStreamOrReset(InputStream in) {
        try {
            assertEquals(-1, in.read(), "expected the end of the stream");
        } catch (IOException reset) {
            // Also an end: "Connection reset".
        }
    }
}
