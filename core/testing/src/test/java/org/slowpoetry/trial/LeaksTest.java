package org.slowpoetry.trial;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class LeaksTest {

    @Test
    void socketLeftOpenIsReportedUntilClosed() throws Exception {
        Leaks.Snapshot before = Leaks.snapshot();
        try (var listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<String> leaks = Leaks.leaksSince(before);
            assertEquals(1, leaks.size(), leaks::toString);
            assertTrue(leaks.getFirst().contains("socket:["), leaks::toString);
        }
        Leaks.assertNoLeaksSince(before);
    }

    @Test
    void selectorLeftOpenIsReported() throws Exception {
        Leaks.Snapshot before = Leaks.snapshot();
        try (var selector = Selector.open()) {
            assertTrue(Leaks.leaksSince(before).stream().anyMatch(l -> l.contains("eventfd")),
                    () -> Leaks.leaksSince(before).toString());
        }
        Leaks.assertNoLeaksSince(before);
    }

    @Test
    void platformThreadStillRunningIsReportedByName() throws Exception {
        var release = new CountDownLatch(1);
        Leaks.Snapshot before = Leaks.snapshot();
        Thread t = Thread.ofPlatform().name("leaky-platform").start(() -> awaitQuietly(release));
        try {
            assertTrue(Leaks.leaksSince(before).stream().anyMatch(l -> l.contains("'leaky-platform'")),
                    () -> Leaks.leaksSince(before).toString());
        } finally {
            release.countDown();
            t.join();
        }
        Leaks.assertNoLeaksSince(before);
    }

    @Test
    void virtualThreadStillRunningIsReportedByName() throws Exception {
        var release = new CountDownLatch(1);
        Leaks.Snapshot before = Leaks.snapshot();
        Thread t = Thread.ofVirtual().name("leaky-virtual").start(() -> awaitQuietly(release));
        try {
            assertTrue(Leaks.leaksSince(before).stream().anyMatch(l -> l.contains("virtual 'leaky-virtual'")),
                    () -> Leaks.leaksSince(before).toString());
        } finally {
            release.countDown();
            t.join();
        }
        Leaks.assertNoLeaksSince(before);
    }

    @Test
    void aParkedThreadIsPlacedByItsOwnCodeNotByTheJdksPark() throws Exception {
        var release = new CountDownLatch(1);
        Leaks.Snapshot before = Leaks.snapshot();
        Thread t = Thread.ofVirtual().name("parked").start(() -> awaitQuietly(release));
        try {
            await().until(() -> t.getState() == Thread.State.WAITING);
            String leak = Leaks.leaksSince(before).stream().filter(l -> l.contains("'parked'")).findFirst().orElseThrow();
            assertTrue(leak.contains(" in ") && leak.contains(LeaksTest.class.getName() + ".awaitQuietly("), leak);
        } finally {
            release.countDown();
            t.join();
        }
    }

    @Test
    void assertionWaitsThenListsWhatLeaked() throws Exception {
        Leaks.Snapshot before = Leaks.snapshot();
        try (var listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            AssertionError e = assertThrows(AssertionError.class,
                    () -> Leaks.assertNoLeaksSince(before, Duration.ofMillis(100)));
            assertTrue(e.getMessage().contains("socket:["), e::getMessage);
        }
    }

    @Test
    void nothingOpenedMeansNothingReported() {
        Leaks.Snapshot before = Leaks.snapshot();
        assertEquals(List.of(), Leaks.leaksSince(before));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
