package org.slowpoetry.net;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.slowpoetry.testing.TcpClients.fetch;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
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
 * records pauses instead of taking them. The server under test writes a short text to each client,
 * inline, and closes it.
 */
@ExtendWith(LeakCheck.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AcceptLoopTest {

    private static final AcceptLoop.Setup SETUP = new AcceptLoop.Setup("test", 50, false);

    /** What the server writes to each client: a few lines, one of them not ASCII. */
    private static final byte[] POEM = "Slow bytes crawl in,\none handful, then a pause;\nthe socket waits, ünd\nthen it closes.\n"
            .getBytes(StandardCharsets.UTF_8);

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

    /** Writes {@link #POEM} to each client inline, as the blocking server does, and closes it. */
    private static ConnectionStrategy inline() {
        return loop -> client -> {
            try (client) {
                client.getOutputStream().write(POEM);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        };
    }

    /** Listening on a free loopback port, pausing on {@code clock}. */
    private static AcceptLoop.Listen listen(MonotonicClock clock) {
        return listen("127.0.0.1", clock, false);
    }

    private static AcceptLoop.Listen listen(String iface, MonotonicClock clock, boolean noDelay) {
        return new AcceptLoop.Listen(iface, 0, clock, noDelay, "test server", Duration.ofSeconds(30), address -> { });
    }

    @Test
    void tooManyOpenFilesDoesNotStopTheServerItPausesLongerAfterEachFailureAndAcceptsAgain() throws Exception {
        var clock = new RecordingClock();
        var attempts = new AtomicInteger();
        try (AcceptLoop server = AcceptLoop.start(listen(clock), SETUP, inline(),
                failingFirst(4, new IOException("Too many open files"), attempts))) {
            assertArrayEquals(POEM, fetch(server.address()));
            assertEquals(List.of(5L, 10L, 20L, 40L), clock.sleeps.stream().map(Duration::toMillis).toList());
            assertTrue(server.serving());
            assertTrue(server.failure().isEmpty());
        }
    }

    @Test
    void aPeerThatResetItsConnectionBeforeTheAcceptIsNotFatal() throws Exception {
        var clock = new RecordingClock();
        var attempts = new AtomicInteger();
        try (AcceptLoop server = AcceptLoop.start(listen(clock), SETUP, inline(),
                failingFirst(1, new SocketException("Connection reset"), attempts))) {
            assertArrayEquals(POEM, fetch(server.address()));
            assertArrayEquals(POEM, fetch(server.address()));
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
        try (AcceptLoop server = AcceptLoop.start(listen(clock), SETUP, inline(), acceptor)) {
            fetch(server.address());
            fetch(server.address());
            assertEquals(List.of(5L, 10L, 5L), clock.sleeps.stream().map(Duration::toMillis).toList());
        }
    }

    @Test
    void closeWakesALoopPausingAfterAFailedAccept() throws Exception {
        var clock = new ManualClock(); // never advanced: the pause would last for ever
        Acceptor alwaysFailing = listener -> {
            throw new IOException("Too many open files");
        };
        AcceptLoop server = AcceptLoop.start(listen(clock), SETUP, inline(), alwaysFailing);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> clock.sleepers() == 1);
        } finally {
            server.close();
        }
        assertFalse(server.serving());
        assertTrue(server.failure().isEmpty(), "close() is not a failure");
    }

    @Test
    void aNoDelayListenerSetsTcpNoDelayOnEveryClientAndOthersKeepTheDefault() throws Exception {
        for (boolean noDelay : new boolean[] {true, false}) {
            var seen = new ConcurrentLinkedQueue<Boolean>();
            ConnectionStrategy recording = loop -> client -> {
                try (client) {
                    seen.add(client.getTcpNoDelay());
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            };
            try (AcceptLoop server = AcceptLoop.start(listen("127.0.0.1", MonotonicClock.system(), noDelay), SETUP,
                    recording)) {
                fetch(server.address());
                assertEquals(List.of(noDelay), List.copyOf(seen), "noDelay " + noDelay);
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
        AcceptLoop server = AcceptLoop.start(listen(MonotonicClock.system()), SETUP, recording);
        String acceptor = server.name() + "-acceptor";
        server.close();
        assertEquals(List.of("open on " + acceptor, "close on " + acceptor), List.copyOf(threads));
    }

    @Test
    void anInterfaceThatDoesNotResolveFailsToStartNamingIt() {
        var listen = listen("no-such-interface.invalid", MonotonicClock.system(), false);
        var e = assertThrows(UnknownHostException.class, () -> AcceptLoop.start(listen, SETUP, inline()).close());
        assertEquals("unknown interface 'no-such-interface.invalid'", e.getMessage());
    }
}
