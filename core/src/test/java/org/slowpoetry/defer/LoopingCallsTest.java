package org.slowpoetry.defer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.slowpoetry.defer.DeferredAssertions.assertNoResult;
import static org.slowpoetry.defer.DeferredAssertions.failureResultOf;
import static org.slowpoetry.defer.DeferredAssertions.successResultOf;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slowpoetry.reactor.LoopingCall;
import org.slowpoetry.reactor.ManualEventLoop;

class LoopingCallsTest {
    private final ManualEventLoop loop = new ManualEventLoop();

    @Test
    void deferredFiresWithTheLoopingCallWhenItIsStopped() {
        var calls = new AtomicInteger();
        LoopingCall[] lc = new LoopingCall[1];
        lc[0] = new LoopingCall(loop, () -> {
            if (calls.incrementAndGet() == 3) {
                lc[0].stop();
            }
        });
        Deferred<LoopingCall> done = LoopingCalls.start(lc[0], Duration.ofSeconds(1), true);
        assertNoResult(done);
        loop.pump(Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertEquals(3, calls.get());
        assertSame(lc[0], successResultOf(done));
    }

    @Test
    void taskThatThrowsStopsTheLoopAndFailsTheDeferred() {
        var calls = new AtomicInteger();
        var lc = new LoopingCall(loop, () -> {
            if (calls.incrementAndGet() == 2) {
                throw new IllegalStateException("count went wrong");
            }
        });
        Deferred<LoopingCall> done = LoopingCalls.start(lc, Duration.ofSeconds(1), true);
        loop.pump(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
        Failure failure = failureResultOf(done, IllegalStateException.class);
        assertEquals("count went wrong", failure.value().getMessage());
        assertEquals(2, calls.get(), "no call after the failure");
    }
}
