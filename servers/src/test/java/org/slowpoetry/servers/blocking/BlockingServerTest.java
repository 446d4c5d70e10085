package org.slowpoetry.servers.blocking;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slowpoetry.servers.Clients;
import org.slowpoetry.servers.Poem;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.servers.RecordingServerEvents.Connected;
import org.slowpoetry.servers.RecordingServerEvents.Finished;
import org.slowpoetry.servers.ServerConfig;
import org.slowpoetry.servers.ServerEvents;
import org.slowpoetry.servers.ServerImpl;
import org.slowpoetry.servers.ServerImplContract;
import org.slowpoetry.servers.ServerKind;
import org.slowpoetry.servers.TestPoems;
import org.slowpoetry.time.ManualClock;

/**
 * The blocking server: everything in {@link ServerImplContract}, plus what makes it blocking (one
 * client at a time) and its pacing on an injected clock.
 */
class BlockingServerTest extends ServerImplContract {
    private static final Duration DELAY = Duration.ofSeconds(1);
    private static final int NUM_BYTES = 10;

    private final ManualClock clock = new ManualClock();

    @Override
    protected ServerImpl impl() {
        return new BlockingServerImpl();
    }

    private ServerConfig paced(Poem poem) {
        return slow(poem, NUM_BYTES, DELAY).withClock(clock);
    }

    @Test
    void secondClientIsServedOnlyAfterTheFirstHasItsEof() throws Exception {
        Poem poem = TestPoems.shortPoem();
        try (PoetryServer server = impl().start(paced(poem));
                Socket first = Clients.connect(server.address())) {
            InputStream firstIn = first.getInputStream();
            var firstGot = new ByteArrayOutputStream();
            firstGot.write(Clients.readExactly(firstIn, NUM_BYTES));
            awaitServerSleeping();

            // The kernel completes the second connection (the backlog) while the first is served.
            try (Socket second = Clients.connect(server.address())) {
                InputStream secondIn = second.getInputStream();
                while (firstGot.size() < poem.size()) {
                    awaitServerSleeping();
                    assertEquals(0, secondIn.available(), "second client got bytes while the first was served");
                    assertEquals(1, clock.sleepers(), "more than one client is being served");
                    clock.advance(DELAY);
                    firstGot.write(Clients.readExactly(firstIn, Math.min(NUM_BYTES, poem.size() - firstGot.size())));
                }
                assertEquals(-1, firstIn.read(), "first client: end of poem");
                assertArrayEquals(poem.bytes(), firstGot.toByteArray());

                // Only now is the second client accepted; it gets the whole poem, paced the same way.
                assertArrayEquals(poem.bytes(), readPaced(secondIn, poem.size()));
                assertEquals(-1, secondIn.read(), "second client: end of poem");

                SocketAddress a = first.getLocalSocketAddress();
                SocketAddress b = second.getLocalSocketAddress();
                await().atMost(Duration.ofSeconds(10)).until(() -> events.indexOf(new Finished(b)) >= 0);
                assertTrue(events.indexOf(new Finished(a)) < events.indexOf(new Connected(b)),
                        () -> "server events out of order: " + events.all());
            }
        }
    }

    @Test
    void slowServerSendsNothingUntilItsClockHasMovedAWholeDelay() throws Exception {
        Poem poem = TestPoems.shortPoem();
        try (PoetryServer server = impl().start(paced(poem));
                Socket client = Clients.connect(server.address())) {
            InputStream in = client.getInputStream();
            Clients.readExactly(in, NUM_BYTES);
            awaitServerSleeping();

            clock.advance(DELAY.minusNanos(1));
            assertEquals(1, clock.sleepers());
            assertEquals(0, in.available(), "sent before the delay was over");

            clock.advance(Duration.ofNanos(1));
            Clients.readExactly(in, NUM_BYTES);
        }
    }

    @Test
    void fastServerNeedsNoClock() throws Exception {
        Poem poem = TestPoems.shortPoem();
        // The manual clock never moves: a fast server must not wait on it.
        try (PoetryServer server = impl().start(fast(poem).withClock(clock))) {
            assertArrayEquals(poem.bytes(), Clients.fetch(server.address()));
        }
        assertEquals(0, clock.sleepers());
    }

    @Test
    void oneNamedPlatformThreadServesAndEndsOnClose() throws Exception {
        PoetryServer server = impl().start(fast(TestPoems.shortPoem()));
        String name = "blocking-server-" + server.port() + "-acceptor";
        try {
            Thread thread = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no thread named " + name));
            assertFalse(thread.isVirtual());
            server.close();
            assertFalse(thread.isAlive(), "close() returned before the server's thread ended");
        } finally {
            server.close();
        }
    }

    @Test
    void servesBothKindsUnderTheNameBlocking() {
        assertEquals(Set.of(ServerKind.SLOW, ServerKind.FAST), impl().kinds());
        assertEquals("blocking", impl().name());
    }

    @Test
    void closeOnTheServersOwnThreadThrowsInsteadOfWaitingForItself() throws Exception {
        var server = new AtomicReference<PoetryServer>();
        var outcome = new AtomicReference<Throwable>();
        ServerEvents closer = new ServerEvents() {
            @Override
            public void connected(SocketAddress peer) {
                try {
                    server.get().close();
                    outcome.set(new AssertionError("close() on the server's thread returned"));
                } catch (WrongThreadException expected) {
                    outcome.set(expected);
                }
            }
        };
        try (PoetryServer running = impl().start(fast(TestPoems.shortPoem()).withEvents(closer))) {
            server.set(running);
            assertArrayEquals(TestPoems.shortPoem().bytes(), Clients.fetch(running.address()));
            assertInstanceOf(WrongThreadException.class, outcome.get());
            assertTrue(running.failure().isEmpty(), "the refused close() must not stop the server");
        }
    }

    /** Reads {@code size} bytes sent {@link #NUM_BYTES} per tick, moving the clock when the server waits. */
    private byte[] readPaced(InputStream in, int size) throws Exception {
        var got = new ByteArrayOutputStream();
        got.write(Clients.readExactly(in, Math.min(NUM_BYTES, size)));
        while (got.size() < size) {
            awaitServerSleeping();
            assertEquals(0, in.available(), "sent before the delay was over");
            clock.advance(DELAY);
            got.write(Clients.readExactly(in, Math.min(NUM_BYTES, size - got.size())));
        }
        return got.toByteArray();
    }

    /** Waits until the server waits on the clock between two sends. */
    private void awaitServerSleeping() {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(2))
                .until(() -> clock.sleepers() >= 1);
    }
}
