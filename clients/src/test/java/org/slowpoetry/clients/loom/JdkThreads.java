package org.slowpoetry.clients.loom;

import java.time.Duration;

/**
 * Starts, once, the threads the JDK keeps for good after the first virtual thread makes a timed
 * wait (the scheduler's {@code ForkJoinPool-1-delayScheduler}), so that a leak check does not
 * blame the first test that happens to cause it. ({@code org.slowpoetry.testing.Leaks} does not
 * know this JDK thread yet; see the report.)
 *
 * <p><b>Threading:</b> call from a test class's {@code @BeforeAll}; idempotent.
 */
final class JdkThreads {
    private JdkThreads() {
    }

    static void warmUp() throws InterruptedException {
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(Duration.ofMillis(1)); // a timed park: the JDK starts its delay scheduler
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }).join();
    }
}
