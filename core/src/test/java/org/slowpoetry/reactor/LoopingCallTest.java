package org.slowpoetry.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Twisted's task.LoopingCall scheduling, proved on a {@link ManualEventLoop}. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LoopingCallTest {
    private final ManualEventLoop loop = new ManualEventLoop();
    private final List<Long> ticks = new ArrayList<>();
    private final List<LoopingCall.Outcome> outcomes = new ArrayList<>();

    private static Duration s(long seconds) {
        return Duration.ofSeconds(seconds);
    }

    private LoopingCall ticking() {
        var lc = new LoopingCall(loop, () -> ticks.add(loop.clock().nanoTime() / 1_000_000_000));
        lc.onCompletion(outcomes::add);
        return lc;
    }

    @Test
    void startNowCallsAtOnceThenEveryInterval() {
        var lc = ticking();
        lc.start(s(1), true);
        assertEquals(List.of(0L), ticks);
        loop.pump(s(1), s(1), s(1));
        assertEquals(List.of(0L, 1L, 2L, 3L), ticks);
        assertTrue(lc.running());
    }

    @Test
    void startLaterWaitsOneInterval() {
        var lc = ticking();
        lc.start(s(2), false);
        assertEquals(List.of(), ticks);
        loop.pump(s(1), s(1), s(1), s(1));
        assertEquals(List.of(2L, 4L), ticks);
    }

    @Test
    void missedIntervalsAreSkippedNotReplayed() {
        var lc = ticking();
        lc.start(s(1), false);
        loop.advance(Duration.ofMillis(3_500)); // ticks at 1, 2, 3 were missed: one call, at 3.5
        assertEquals(List.of(3L), ticks);
        loop.advance(Duration.ofMillis(500)); // back on the grid: the next is at 4
        assertEquals(List.of(3L, 4L), ticks);
        lc.stop();
    }

    @Test
    void stopCancelsTheNextCallAndReportsStopped() {
        var lc = ticking();
        lc.start(s(1), true);
        lc.stop();
        loop.advance(s(10));
        assertEquals(List.of(0L), ticks);
        assertFalse(lc.running());
        assertEquals(List.of(new LoopingCall.Stopped()), outcomes);
        assertEquals(List.of(), loop.pendingCalls());
    }

    @Test
    void theTaskMayStopItsOwnLoopingCall() {
        var holder = new LoopingCall[1];
        holder[0] = new LoopingCall(loop, () -> {
            ticks.add(loop.clock().nanoTime());
            if (ticks.size() == 3) {
                holder[0].stop();
            }
        });
        holder[0].onCompletion(outcomes::add);
        holder[0].start(s(1), true);
        loop.pump(s(1), s(1), s(1), s(1));
        assertEquals(3, ticks.size());
        assertEquals(List.of(new LoopingCall.Stopped()), outcomes);
        assertEquals(List.of(), loop.pendingCalls());
    }

    @Test
    void aFailingTaskStopsTheLoopingCallAndReportsTheFailure() {
        var boom = new IllegalStateException("boom");
        var lc = new LoopingCall(loop, () -> {
            ticks.add(0L);
            if (ticks.size() == 2) {
                throw boom;
            }
        });
        lc.onCompletion(outcomes::add);
        lc.start(s(1), false);
        loop.pump(s(1), s(1), s(1));
        assertEquals(2, ticks.size());
        assertFalse(lc.running());
        var failed = assertInstanceOf(LoopingCall.Failed.class, outcomes.getFirst());
        assertSame(boom, failed.cause());
    }

    @Test
    void aListenerRegisteredBeforeStartSeesAFailureOnTheFirstCall() {
        var lc = new LoopingCall(loop, () -> {
            throw new IllegalStateException("at once");
        });
        lc.onCompletion(outcomes::add);
        lc.start(s(1), true);
        assertInstanceOf(LoopingCall.Failed.class, outcomes.getFirst());
    }

    @Test
    void listenersFireOncePerRun() {
        var lc = ticking();
        lc.start(s(1), false);
        lc.stop();
        lc.start(s(1), false);
        lc.stop();
        assertEquals(1, outcomes.size());
    }

    @Test
    void aLoopingCallCanBeRestartedAfterStop() {
        var lc = ticking();
        lc.start(s(1), true);
        lc.stop();
        loop.advance(s(5));
        lc.start(s(1), true);
        loop.advance(s(1));
        assertEquals(List.of(0L, 5L, 6L), ticks);
    }

    @Test
    void zeroIntervalCallsAgainAfterEachRun() {
        var holder = new LoopingCall[1];
        holder[0] = new LoopingCall(loop, () -> {
            ticks.add(0L);
            if (ticks.size() == 5) {
                holder[0].stop();
            }
        });
        holder[0].start(Duration.ZERO, true);
        loop.advance(Duration.ZERO);
        assertEquals(5, ticks.size());
    }

    @Test
    void misuseThrowsAtOnce() {
        var lc = ticking();
        assertThrows(IllegalStateException.class, lc::stop);
        assertThrows(IllegalArgumentException.class, () -> lc.start(s(-1), true));
        lc.start(s(1), false);
        assertThrows(IllegalStateException.class, () -> lc.start(s(1), false));
    }

    @Test
    void offTheLoopThreadThrowsWrongThread() throws Exception {
        var lc = ticking();
        var thrown = new ArrayList<Throwable>();
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                lc.start(s(1), true);
            } catch (Throwable e) {
                thrown.add(e);
            }
        });
        t.join();
        assertInstanceOf(WrongThreadException.class, thrown.getFirst());
        assertEquals(List.of(), ticks);
    }
}
