package org.slowpoetry.servers;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slowpoetry.time.ManualClock;
import org.slowpoetry.time.MonotonicClock;
import org.slowpoetry.trial.LeakCheck;

/**
 * The rules of the accept loop that the blocking and loom servers share, with the accept step
 * replaced where a test needs it to fail (an exhausted file table, a reset peer) and a clock that
 * records pauses instead of taking them.
 */
@ExtendWith(LeakCheck.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AcceptLoopTest {

    private static final AcceptLoop.Setup SETUP = new AcceptLoop.Setup("test", 50, false);

    private final Poem poem = TestPoems.shortPoem();

    /** A clock whose sleeps return at once and are recorded. */
    private static final class RecordingClock implements MonotonicClock {
        final Queue<Duration> sleeps = new ConcurrentLinkedQueue<>();

        @Override
        public long nanoTime() {
            return sleeps.stream().mapToLong(Duration::toNanos).sum();
        }

        @Override
        public void sleep(Duration duration) {
            sleeps.add(duration);
        }
    }

    /** Fails the first {@code failures} accepts with {@code error}, then accepts for real. */
    private static Acceptor failingFirst(int failures, IOException error, AtomicInteger attempts) {
        return listener -> {
            if (attempts.incrementAndGet() <= failures) {
                throw error;
            }
            return listener.accept();
        };
    }

    /** Serves the poem inline, as the blocking server does. */
    private static ConnectionStrategy inline(ServerConfig config) {
        var connection = new PoemConnection(config);
        return loop -> client -> connection.serve(client, loop);
    }

    @Test
    void tooManyOpenFilesDoesNotStopTheServerItPausesLongerAfterEachFailureAndAcceptsAgain() throws Exception {
        var clock = new RecordingClock();
        var attempts = new AtomicInteger();
        ServerConfig config = ServerConfig.fast(poem).withClock(clock);
        try (AcceptLoop server = AcceptLoop.start(config, SETUP, inline(config),
                failingFirst(4, new IOException("Too many open files"), attempts))) {
            assertArrayEquals(poem.bytes(), Clients.fetch(server.address()));
            assertEquals(List.of(5L, 10L, 20L, 40L), clock.sleeps.stream().map(Duration::toMillis).toList());
            assertTrue(server.serving());
            assertTrue(server.failure().isEmpty());
        }
    }

    @Test
    void aPeerThatResetItsConnectionBeforeTheAcceptIsNotFatal() throws Exception {
        var clock = new RecordingClock();
        var attempts = new AtomicInteger();
        ServerConfig config = ServerConfig.fast(poem).withClock(clock);
        try (AcceptLoop server = AcceptLoop.start(config, SETUP, inline(config),
                failingFirst(1, new SocketException("Connection reset"), attempts))) {
            assertArrayEquals(poem.bytes(), Clients.fetch(server.address()));
            assertArrayEquals(poem.bytes(), Clients.fetch(server.address()));
            assertEquals(List.of(AcceptBackoff.FIRST), List.copyOf(clock.sleeps), "one failed accept, one pause");
        }
    }

    @Test
    void aSuccessfulAcceptStartsTheNextRunOfFailuresFromTheFirstPause() throws Exception {
        var clock = new RecordingClock();
        var attempts = new AtomicInteger();
        // attempts 1, 2 fail; 3 accepts the first client; 4 fails; 5 accepts the second client
        Acceptor acceptor = listener -> {
            int n = attempts.incrementAndGet();
            if (n == 1 || n == 2 || n == 4) {
                throw new IOException("Too many open files");
            }
            return listener.accept();
        };
        ServerConfig config = ServerConfig.fast(poem).withClock(clock);
        try (AcceptLoop server = AcceptLoop.start(config, SETUP, inline(config), acceptor)) {
            Clients.fetch(server.address());
            Clients.fetch(server.address());
            assertEquals(List.of(5L, 10L, 5L), clock.sleeps.stream().map(Duration::toMillis).toList());
        }
    }

    @Test
    void closeWakesALoopPausingAfterAFailedAccept() throws Exception {
        var clock = new ManualClock(); // never advanced: the pause would last for ever
        Acceptor alwaysFailing = listener -> {
            throw new IOException("Too many open files");
        };
        ServerConfig config = ServerConfig.fast(poem).withClock(clock);
        AcceptLoop server = AcceptLoop.start(config, SETUP, inline(config), alwaysFailing);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> clock.sleepers() == 1);
        } finally {
            server.close();
        }
        assertFalse(server.serving());
        assertTrue(server.failure().isEmpty(), "close() is not a failure");
    }

    @Test
    void slowServersSendWithoutNaglesDelayAndFastOnesKeepTheDefault() throws Exception {
        for (ServerKind kind : ServerKind.values()) {
            var noDelay = new ConcurrentLinkedQueue<Boolean>();
            ConnectionStrategy recording = loop -> client -> {
                try (client) {
                    noDelay.add(client.getTcpNoDelay());
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            };
            try (AcceptLoop server = AcceptLoop.start(ServerConfig.fast(poem).withKind(kind), SETUP, recording)) {
                Clients.fetch(server.address());
                assertEquals(List.of(kind == ServerKind.SLOW), List.copyOf(noDelay), kind.toString());
            }
        }
    }

    @Test
    void theStrategyIsOpenedAndClosedOnTheAcceptingThread() throws Exception {
        var threads = new ConcurrentLinkedQueue<String>();
        ConnectionStrategy recording = loop -> {
            threads.add("open on " + Thread.currentThread().getName());
            return new ConnectionStrategy.Connections() {
                @Override
                public void serve(Socket client) {
                    AcceptLoop.closeQuietly(client);
                }

                @Override
                public void close() {
                    threads.add("close on " + Thread.currentThread().getName());
                }
            };
        };
        AcceptLoop server = AcceptLoop.start(ServerConfig.fast(poem), SETUP, recording);
        String acceptor = server.name() + "-acceptor";
        server.close();
        assertEquals(List.of("open on " + acceptor, "close on " + acceptor), List.copyOf(threads));
    }

    @Test
    void anInterfaceThatDoesNotResolveFailsToStartNamingIt() {
        ServerConfig config = ServerConfig.fast(poem).withIface("no-such-interface.invalid");
        var e = assertThrows(UnknownHostException.class, () -> AcceptLoop.start(config, SETUP, inline(config)).close());
        assertEquals("unknown interface 'no-such-interface.invalid'", e.getMessage());
    }
}
