package org.slowpoetry.time;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ManualClockTest {

    @Test
    void timeMovesOnlyWhenAdvanced() {
        var clock = new ManualClock();
        long start = clock.nanoTime();
        assertEquals(Duration.ZERO, clock.since(start));
        clock.advance(Duration.ofSeconds(3));
        assertEquals(Duration.ofSeconds(3), clock.since(start));
    }

    @Test
    void cannotGoBackwards() {
        assertThrows(IllegalArgumentException.class, () -> new ManualClock().advance(Duration.ofNanos(-1)));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void sleeperWakesOnlyOnceAdvancedPastItsDeadline() throws Exception {
        var clock = new ManualClock();
        var woke = new AtomicBoolean();
        Thread sleeper = Thread.ofVirtual().start(() -> {
            try {
                clock.sleep(Duration.ofSeconds(2));
                woke.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        await().until(() -> clock.sleepers() == 1);
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, clock.sleepers(), "woke before its deadline");
        clock.advance(Duration.ofSeconds(1));
        sleeper.join();
        assertTrue(woke.get());
    }
}
