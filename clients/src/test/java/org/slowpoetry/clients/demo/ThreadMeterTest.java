package org.slowpoetry.clients.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slowpoetry.protocol.Address;

/** What a run costs in threads: platform threads are OS threads, virtual threads are not. */
@Timeout(20)
class ThreadMeterTest {

    /** Starts {@code n} threads from {@code builder}, all alive at once, each reporting a task's start; joins them. */
    private static void workOn(Thread.Builder builder, int n, ThreadMeter meter) throws InterruptedException {
        CountDownLatch allStarted = new CountDownLatch(n);
        List<Thread> threads = new ArrayList<>();
        for (int task = 1; task <= n; task++) {
            int number = task;
            threads.add(builder.start(() -> {
                meter.started(number, Address.parse(String.valueOf(10000 + number)));
                allStarted.countDown();
                try {
                    allStarted.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    @Test
    void platformThreadsThatEndedAreTheRunsOwnOsThreads() throws Exception {
        ThreadMeter meter = ThreadMeter.begin();
        workOn(Thread.ofPlatform(), 3, meter);
        ThreadUse used = meter.end();

        assertEquals(3, used.platformWorkers());
        assertEquals(0, used.virtualWorkers());
        assertTrue(used.ownOsThreads() >= 3, used.toString());
        assertEquals("3 platform threads", used.workers());
    }

    @Test
    void virtualThreadsAreNoOsThreadsOnceTheJdkHasItsCarriers() throws Exception {
        workOn(Thread.ofVirtual(), 3, ThreadMeter.begin()); // the JDK starts and keeps its carriers
        ThreadMeter meter = ThreadMeter.begin();
        workOn(Thread.ofVirtual(), 3, meter);
        ThreadUse used = meter.end();

        assertEquals(new ThreadUse(0, 0, 0, 3), used);
        assertEquals("3 virtual threads", used.workers());
    }

    @Test
    void endingTwiceThrows() {
        ThreadMeter meter = ThreadMeter.begin();
        meter.end();
        assertThrows(IllegalStateException.class, meter::end);
    }
}
