package org.slowpoetry.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Twisted's IDelayedCall rules, proved on a {@link ManualEventLoop} without real waits. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DelayedCallTest {
    private final ManualEventLoop loop = new ManualEventLoop();
    private final List<String> log = new ArrayList<>();

    private static Duration s(long seconds) {
        return Duration.ofSeconds(seconds);
    }

    @Test
    void callsRunInTimeOrderNotSchedulingOrder() {
        loop.callLater(s(3), () -> log.add("c"));
        loop.callLater(s(1), () -> log.add("a"));
        loop.callLater(s(2), () -> log.add("b"));
        loop.advance(s(10));
        assertEquals(List.of("a", "b", "c"), log);
    }

    @Test
    void callsDueAtTheSameTimeRunInSchedulingOrder() {
        for (int i = 0; i < 20; i++) {
            String name = "t" + i;
            loop.callLater(s(5), () -> log.add(name));
        }
        loop.advance(s(5));
        assertEquals(20, log.size());
        for (int i = 0; i < 20; i++) {
            assertEquals("t" + i, log.get(i));
        }
    }

    @Test
    void aCallRunsOnlyWhenItsTimeHasCome() {
        loop.callLater(s(2), () -> log.add("x"));
        loop.advance(Duration.ofMillis(1999));
        assertEquals(List.of(), log);
        loop.advance(Duration.ofMillis(1));
        assertEquals(List.of("x"), log);
    }

    @Test
    void timeIsWhenItWillRunOnTheLoopClock() {
        loop.advance(s(7));
        DelayedCall call = loop.callLater(s(3), () -> { });
        assertEquals(s(10).toNanos(), call.time());
    }

    @Test
    void activeUntilCalledOrCancelled() {
        DelayedCall called = loop.callLater(s(1), () -> { });
        DelayedCall cancelled = loop.callLater(s(1), () -> { });
        assertTrue(called.active());
        cancelled.cancel();
        assertFalse(cancelled.active());
        loop.advance(s(1));
        assertFalse(called.active());
    }

    @Test
    void cancelledCallNeverRuns() {
        DelayedCall call = loop.callLater(s(1), () -> log.add("x"));
        call.cancel();
        loop.advance(s(5));
        assertEquals(List.of(), log);
        assertEquals(List.of(), loop.pendingCalls());
    }

    @Test
    void cancellingACalledCallThrowsAlreadyCalled() {
        DelayedCall call = loop.callLater(s(1), () -> { });
        loop.advance(s(1));
        assertThrows(AlreadyCalledException.class, call::cancel);
        assertThrows(AlreadyCalledException.class, () -> call.reset(s(1)));
        assertThrows(AlreadyCalledException.class, () -> call.delay(s(1)));
    }

    @Test
    void cancellingTwiceThrowsAlreadyCancelled() {
        DelayedCall call = loop.callLater(s(1), () -> { });
        call.cancel();
        assertThrows(AlreadyCancelledException.class, call::cancel);
        assertThrows(AlreadyCancelledException.class, () -> call.reset(s(1)));
        assertThrows(AlreadyCancelledException.class, () -> call.delay(s(1)));
    }

    @Test
    void aCallIsAlreadyCalledWhileItRuns() {
        var self = new AtomicReference<DelayedCall>();
        var thrown = new AtomicReference<Throwable>();
        self.set(loop.callLater(s(1), () -> {
            try {
                self.get().cancel();
            } catch (AlreadyCalledException e) {
                thrown.set(e);
            }
        }));
        loop.advance(s(1));
        assertTrue(thrown.get() instanceof AlreadyCalledException);
    }

    @Test
    void resetReschedulesFromNow() {
        DelayedCall call = loop.callLater(s(5), () -> log.add("x"));
        loop.advance(s(4));
        call.reset(s(3)); // now 4, so due at 7
        loop.advance(s(2));
        assertEquals(List.of(), log);
        loop.advance(s(1));
        assertEquals(List.of("x"), log);
    }

    @Test
    void resetCanBringACallForward() {
        loop.callLater(s(5), () -> log.add("five"));
        DelayedCall call = loop.callLater(s(10), () -> log.add("moved"));
        call.reset(s(1));
        loop.advance(s(1));
        assertEquals(List.of("moved"), log);
    }

    @Test
    void delayPushesBackFromTheScheduledTime() {
        DelayedCall call = loop.callLater(s(5), () -> log.add("x"));
        loop.advance(s(4));
        call.delay(s(2)); // was due at 5, now at 7
        loop.advance(s(2));
        assertEquals(List.of(), log);
        loop.advance(s(1));
        assertEquals(List.of("x"), log);
        assertEquals(s(7).toNanos(), call.time());
    }

    @Test
    void aRescheduledCallRunsAfterOthersDueAtTheSameTime() {
        DelayedCall first = loop.callLater(s(2), () -> log.add("first"));
        loop.callLater(s(2), () -> log.add("second"));
        first.reset(s(2));
        loop.advance(s(2));
        assertEquals(List.of("second", "first"), log);
    }

    @Test
    void negativeDelaysAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> loop.callLater(Duration.ofMillis(-1), () -> { }));
        DelayedCall call = loop.callLater(s(1), () -> { });
        assertThrows(IllegalArgumentException.class, () -> call.reset(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> call.delay(Duration.ofMillis(-1)));
        assertTrue(call.active());
    }

    @Test
    void anAbsurdlyLongDelaySaturatesInsteadOfOverflowing() {
        DelayedCall call = loop.callLater(Duration.ofDays(365L * 1_000_000), () -> log.add("never"));
        loop.advance(Duration.ofDays(365L * 100));
        assertEquals(List.of(), log);
        assertEquals(Long.MAX_VALUE, call.time());
    }

    @Test
    void aZeroDelayCallScheduledByACallRunsInTheSameAdvance() {
        loop.callLater(s(1), () -> {
            log.add("outer");
            loop.callLater(Duration.ZERO, () -> log.add("inner"));
        });
        loop.advance(s(1));
        assertEquals(List.of("outer", "inner"), log);
    }

    @Test
    void pendingCallsListsWhatWillRunInOrder() {
        DelayedCall b = loop.callLater(s(2), () -> { });
        DelayedCall a = loop.callLater(s(1), () -> { });
        DelayedCall gone = loop.callLater(s(3), () -> { });
        gone.cancel();
        List<DelayedCall> pending = loop.pendingCalls();
        assertEquals(2, pending.size());
        assertSame(a, pending.get(0));
        assertSame(b, pending.get(1));
    }

    @Test
    void loopOnlyMethodsThrowWrongThreadOffTheDrivingThread() throws Exception {
        DelayedCall call = loop.callLater(s(1), () -> { });
        var errors = new ArrayList<Throwable>();
        Thread other = Thread.ofPlatform().start(() -> {
            for (Runnable r : List.<Runnable>of(
                    () -> loop.callLater(s(1), () -> { }),
                    () -> loop.advance(s(1)),
                    call::cancel,
                    call::active,
                    () -> call.reset(s(1)))) {
                try {
                    r.run();
                } catch (Throwable t) {
                    errors.add(t);
                }
            }
        });
        other.join();
        assertEquals(5, errors.size());
        errors.forEach(e -> assertTrue(e instanceof WrongThreadException, e.toString()));
        assertTrue(call.active(), "nothing changed");
    }
}
