package org.slowpoetry.net;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slowpoetry.trial.LeakCheck;
import org.slowpoetry.time.ManualClock;
import org.slowpoetry.time.MonotonicClock;

/**
 * Writes bounded by a {@link WriteWatchdog}, on real loopback sockets: the server side of each pair
 * is written to through the watchdog, the client side reads, or does not.
 */
@ExtendWith(LeakCheck.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WriteWatchdogTest {

    /** Far more than the loopback socket buffers hold: a write of it blocks until the peer reads. */
    private static final int LARGE = 32 << 20;

    /** A connected pair of sockets on loopback: {@code server} accepted, {@code client} connected. */
    private record Pair(Socket server, Socket client) implements AutoCloseable {
        static Pair open() throws IOException {
            try (var listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                var client = new Socket(listener.getInetAddress(), listener.getLocalPort());
                client.setSoTimeout(10_000);
                return new Pair(listener.accept(), client);
            }
        }

        @Override
        public void close() throws IOException {
            try (server; client) {
                // both closed
            }
        }
    }

    private static byte[] poem(int size) {
        byte[] bytes = new byte[size];
        new Random(7).nextBytes(bytes);
        return bytes;
    }

    @Test
    void aClientThatNeverReadsIsClosedAndTheWriteSaysItTimedOut() throws Exception {
        Duration timeout = Duration.ofMillis(200);
        try (var watchdog = WriteWatchdog.start("test", timeout, MonotonicClock.system(), Thread.ofPlatform());
                var pair = Pair.open();
                OutputStream out = watchdog.watch(pair.server())) {
            var e = assertThrows(WriteTimeoutException.class, () -> out.write(poem(LARGE)));
            assertEquals(timeout, e.timeout());
            assertEquals("the peer took no bytes for 0.2 s (the write timeout)", e.getMessage());
            assertTrue(pair.server().isClosed(), "the stalled client's socket is closed");
        }
    }

    @Test
    void aClientThatReadsSteadilyIsNeverClosedHoweverLongTheWholeWriteTakes() throws Exception {
        byte[] poem = poem(16 << 20);
        try (var watchdog = WriteWatchdog.start("test", Duration.ofSeconds(1), MonotonicClock.system(),
                        Thread.ofPlatform());
                var pair = Pair.open()) {
            var received = CompletableFuture.supplyAsync(() -> readSlowly(pair.client()));
            try (OutputStream out = watchdog.watch(pair.server())) {
                out.write(poem); // a few seconds in all, yet never a second without progress
            }
            assertArrayEquals(poem, received.get());
        }
    }

    @Test
    void stallsAreMeasuredOnTheWatchdogsClock() throws Exception {
        var clock = new ManualClock();
        Duration timeout = Duration.ofHours(1); // only the manual clock can get there in a test
        try (var watchdog = WriteWatchdog.start("test", timeout, clock, Thread.ofVirtual());
                var pair = Pair.open()) {
            var writer = Thread.ofVirtual().unstarted(() -> {
                try (OutputStream out = watchdog.watch(pair.server())) {
                    out.write(poem(LARGE));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            var failure = new CompletableFuture<Throwable>();
            writer.setUncaughtExceptionHandler((t, e) -> failure.complete(e));
            writer.start();
            // A virtual thread blocked in a socket write is parked: WAITING.
            await().atMost(Duration.ofSeconds(10)).until(() -> writer.getState() == Thread.State.WAITING);
            clock.advance(timeout);
            assertInstanceOf(WriteTimeoutException.class, failure.get().getCause());
            writer.join();
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aClientWatchedAfterTheWatchdogWentIdleWakesItAndIsTimedOut() throws Exception {
        Duration timeout = Duration.ofMillis(200);
        try (var watchdog = WriteWatchdog.start("test", timeout, MonotonicClock.system(), Thread.ofVirtual());
                var first = Pair.open();
                var second = Pair.open()) {
            watchdog.watch(first.server()).close(); // nothing left to watch: the watchdog parks
            await().atMost(Duration.ofSeconds(10)).until(() -> watchdog.toString().endsWith("IDLE)"));
            try (OutputStream out = watchdog.watch(second.server())) {
                assertThrows(WriteTimeoutException.class, () -> out.write(poem(LARGE)));
            }
        }
    }

    @Test
    void closeEndsTheWatchdogsThreadButNotTheSocketsItWatched() throws Exception {
        try (var pair = Pair.open()) {
            var watchdog = WriteWatchdog.start("test", Duration.ofSeconds(30), MonotonicClock.system(),
                    Thread.ofPlatform());
            OutputStream out = watchdog.watch(pair.server());
            watchdog.close();
            watchdog.close();
            assertFalse(pair.server().isClosed());
            out.write(1); // no longer watched, still writable
            assertEquals(1, pair.client().getInputStream().read());
            assertThrows(IllegalStateException.class, () -> watchdog.watch(pair.server()));
        }
    }

    @Test
    void closingAWatchedStreamClosesItsSocket() throws Exception {
        try (var watchdog = WriteWatchdog.start("test", Duration.ofSeconds(30), MonotonicClock.system(),
                        Thread.ofPlatform());
                var pair = Pair.open()) {
            watchdog.watch(pair.server()).close();
            assertTrue(pair.server().isClosed());
        }
    }

    @Test
    void theTimeoutMustBePositive() {
        for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofSeconds(-1)}) {
            assertThrows(IllegalArgumentException.class,
                    () -> WriteWatchdog.start("test", bad, MonotonicClock.system(), Thread.ofPlatform()));
        }
    }

    @Test
    void theSweepPeriodIsATenthOfTheTimeoutWithinBounds() {
        for (var expected : new Duration[][] {
                {Duration.ofSeconds(30), Duration.ofSeconds(1)},
                {Duration.ofSeconds(2), Duration.ofMillis(200)},
                {Duration.ofMillis(50), Duration.ofMillis(10)}}) {
            try (var watchdog = WriteWatchdog.start("test", expected[0], MonotonicClock.system(), Thread.ofPlatform())) {
                assertEquals(expected[1], watchdog.period(), "for " + expected[0]);
            }
        }
    }

    /** Reads everything, 64 KiB at a time with a short pause between: steady, but slower than the writer. */
    private static byte[] readSlowly(Socket client) {
        var all = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 << 10];
        try (InputStream in = client.getInputStream()) {
            for (int n; (n = in.read(buffer)) != -1; ) {
                all.write(buffer, 0, n);
                LockSupport.parkNanos(Duration.ofMillis(10).toNanos()); // the pace of a slow reader
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return all.toByteArray();
    }
}
