package org.slowpoetry.time;

import java.time.Duration;

/** {@link MonotonicClock#system()}: stateless, so thread-safe. */
enum SystemClock implements MonotonicClock {
    INSTANCE;

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        // Thread.sleep parks a virtual thread without pinning its carrier.
        Thread.sleep(duration);
    }
}
