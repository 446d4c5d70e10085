package org.slowpoetry.stats;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slowpoetry.reactor.Protocol;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.reactor.ReactorThread;

/** {@link RuntimeStats}, {@link StatsLine} and {@link StatsReporter}. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RuntimeStatsTest {

    /** Every field of a line, in order. */
    static final Pattern LINE = Pattern.compile("stats: connections=(\\d+) vthreads=(-?\\d+) vthreads-peak=(-?\\d+) carriers-busy=(\\d+)/(\\d+)"
            + " queued=(\\d+) pinned=(\\d+) gc=(\\d+) gc-longest-ms=(\\d+\\.\\d) loop-busiest-ms=(\\d+\\.\\d)");

    @Test
    void aLineHasEveryFieldInOrder() {
        var line = new StatsLine(7, 9, 11, 1, 2, 3, 4, 5, Duration.ofNanos(2_340_000), Duration.ofMillis(12));
        Matcher m = LINE.matcher(line.format());
        assertTrue(m.matches(), line.format());
        assertEquals(List.of("7", "9", "11", "1", "2", "3", "4", "5", "2.3", "12.0"),
                List.of(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6), m.group(7),
                        m.group(8), m.group(9), m.group(10)));
    }

    @Test
    void virtualThreadsStartedAfterTheStartAreCountedAliveUntilTheyEnd() throws Exception {
        var release = new CountDownLatch(1);
        try (var stats = RuntimeStats.start(() -> 0)) {
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                threads.add(Thread.ofVirtual().start(() -> awaitQuietly(release)));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> stats.interval().virtualThreads() >= 50);
            release.countDown();
            for (Thread t : threads) {
                t.join();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> stats.interval().virtualThreads() <= 0);
            assertTrue(stats.sinceStart().peakVirtualThreads() >= 50, "peak " + stats.sinceStart());
        } finally {
            release.countDown();
        }
    }

    @Test
    void aSlowIoCallbackIsTheLoopsBusiestIterationThoughItRunsInsideTheSelect() throws Exception {
        Duration busy = Duration.ofMillis(30);
        try (var stats = RuntimeStats.start(() -> 0);
                Reactor reactor = Reactor.open();
                var loop = ReactorThread.start(reactor, "stats-reactor")) {
            // the work is done in dataReceived, which the selector dispatches inside its select call
            int port = loop.call(() -> reactor.listenTCP(0, peer -> new Protocol() {
                @Override
                public void dataReceived(ByteBuffer data) {
                    long until = System.nanoTime() + busy.toNanos();
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait(); // a callback that keeps the loop busy, as a slow one would
                    }
                }
            }, "127.0.0.1").port());
            try (var client = new Socket(InetAddress.getLoopbackAddress(), port)) {
                client.getOutputStream().write('x');
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> stats.sinceStart().loopBusiest().compareTo(busy) >= 0);
            }
        }
    }

    @Test
    void theConnectionsAreTheCallersCount() {
        try (var stats = RuntimeStats.start(() -> 42)) {
            assertEquals(42, stats.interval().connectionsOpen());
            assertEquals(42, stats.sinceStart().connectionsOpen());
        }
    }

    @Test
    void theReporterHandsOutLinesAndItsThreadEndsWithClose() {
        List<String> lines = new CopyOnWriteArrayList<>();
        var reporter = StatsReporter.start(RuntimeStats.start(() -> 3), Duration.ofMillis(50), lines::add,
                "test-stats");
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> lines.size() >= 2);
        } finally {
            reporter.close();
        }
        reporter.close(); // idempotent
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("test-stats")),
                "the reporter's thread outlived close");
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            assertTrue(m.matches(), line);
            assertEquals("3", m.group(1));
        }
    }

    @Test
    void aReporterNeedsAPositiveInterval() {
        try (var stats = RuntimeStats.start(() -> 0)) {
            assertThrows(IllegalArgumentException.class,
                    () -> StatsReporter.start(stats, Duration.ZERO, line -> { }, "test-stats"));
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
