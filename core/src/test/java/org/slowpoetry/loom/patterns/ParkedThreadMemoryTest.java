package org.slowpoetry.loom.patterns;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The guide's figure for what a parked virtual thread costs, measured without JMH: park
 * {@value #THREADS} virtual threads at a given stack depth, and divide the growth of the heap in
 * use after a full GC by their number. A parked virtual thread's frames are copied into a stack
 * chunk, an ordinary heap object, so the heap is where its cost shows; the carrier threads are
 * shared and do not grow with the count. The figures are printed (surefire's output file) for
 * the guide; the assertions are the claims the guide makes of them: a parked thread costs far
 * less than a platform thread's stack reservation, and more when it parks deeper.
 */
class ParkedThreadMemoryTest {

    private static final int THREADS = 10_000;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aParkedVirtualThreadCostsAFewHundredBytesPlusItsFrames() throws InterruptedException {
        parkedBytesPerThread(1); // warm-up: classes loaded, code compiled
        long shallow = parkedBytesPerThread(1);
        long deep = parkedBytesPerThread(100);
        System.out.printf(Locale.ROOT, "parked virtual thread, heap per thread after full GC (%d threads): "
                + "%d bytes parked 1 frame deep, %d bytes parked 100 frames deep%n", THREADS, shallow, deep);
        assertTrue(shallow > 100 && shallow < 16 * 1024,
                "a shallow parked virtual thread should cost between 100 B and 16 KiB of heap, not " + shallow);
        assertTrue(deep > shallow + 100 * 16,
                "100 more frames should cost at least 16 bytes each: " + shallow + " B vs " + deep + " B");
    }

    /** Parks {@link #THREADS} virtual threads {@code depth} frames deep; the heap they add, per thread. */
    private static long parkedBytesPerThread(int depth) throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        long before = usedHeapAfterGc();
        List<Thread> threads = new ArrayList<>(THREADS);
        for (int i = 0; i < THREADS; i++) {
            threads.add(Thread.ofVirtual().start(() -> parkAt(depth, release)));
        }
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING));
            return (usedHeapAfterGc() - before) / THREADS;
        } finally {
            release.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }

    private static void parkAt(int depth, CountDownLatch release) {
        if (depth > 1) {
            parkAt(depth - 1, release);
            return;
        }
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long usedHeapAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            memory.gc(); // a full collection with the default G1 (unless ExplicitGCInvokesConcurrent)
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
