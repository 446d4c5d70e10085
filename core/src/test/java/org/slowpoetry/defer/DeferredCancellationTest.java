package org.slowpoetry.defer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.slowpoetry.defer.DeferredAssertions.failureResultOf;
import static org.slowpoetry.defer.DeferredAssertions.successResultOf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slowpoetry.reactor.DelayedCall;
import org.slowpoetry.reactor.ManualEventLoop;

/** Cancellation (Part 19), in the spirit of Twisted's {@code DeferredCancellerTests}. */
class DeferredCancellationTest {
    private final List<String> log = new ArrayList<>();
    private int cancellerCalls;

    @Test
    void cancelWithoutCancellerErrbacksWithCancelledException() {
        // defer-cancel-2
        Deferred<String> d = new Deferred<>();
        Object[] got = {null};
        d.addCallbacks(r -> log.add("callback"), f -> got[0] = f);
        d.cancel();
        assertSame(CancelledException.class, ((Failure) got[0]).type());
        assertTrue(log.isEmpty());
    }

    @Test
    void aCancelledFailureIsACancellationException() {
        Deferred<String> d = new Deferred<>();
        d.cancel();
        failureResultOf(d, CancellationException.class);
    }

    @Test
    void anUnhandledCancellationIsAnUnhandledFailure() {
        // defer-cancel-1: "Unhandled error in Deferred: ... CancelledError"
        Deferred<String> d = new Deferred<>();
        d.addCallback(r -> log.add("callback"));
        d.cancel();
        assertSame(CancelledException.class, d.unhandledFailure().type());
    }

    @Test
    void cancelledWithoutCancellerSwallowsOneLateCallback() {
        // defer-cancel-4: firing after cancel has no effect
        Deferred<String> d = new Deferred<>();
        d.addCallbacks(r -> log.add("callback " + r), f -> log.add("errback " + f.type().getSimpleName()));
        d.cancel();
        d.callback("result");
        assertEquals(List.of("errback CancelledException"), log);
    }

    @Test
    void cancelledWithoutCancellerSwallowsOneLateErrback() {
        Deferred<String> d = new Deferred<>();
        d.addErrback(f -> log.add(f.type().getSimpleName()));
        d.cancel();
        d.errback(new IllegalStateException("late"));
        assertEquals(List.of("CancelledException"), log);
    }

    @Test
    void aSecondLateFiringAfterCancelThrowsAlreadyCalled() {
        // test_raisesAfterCancelAndCallback
        Deferred<String> d = new Deferred<>();
        d.addErrback(f -> null);
        d.cancel();
        d.callback(null);
        assertThrows(AlreadyCalledException.class, () -> d.callback(null));
        assertThrows(AlreadyCalledException.class, () -> d.errback(new Exception()));
    }

    @Test
    void cancellingTwiceWithoutCancellerIsHarmless() {
        Deferred<String> d = new Deferred<>();
        List<Failure> failures = new ArrayList<>();
        d.addErrback(failures::add);
        d.cancel();
        d.cancel();
        d.callback("late");
        d.cancel();
        assertEquals(1, failures.size());
    }

    @Test
    void theCancellerIsCalledOnceWithTheDeferred() {
        // defer-cancel-5, test_cancellerArg, test_cancellerMultipleCancel
        AtomicReference<Deferred<String>> seen = new AtomicReference<>();
        Deferred<String> d = new Deferred<>(self -> {
            cancellerCalls++;
            seen.set(self);
        });
        d.addErrback(f -> null);
        d.cancel();
        d.cancel();
        assertSame(d, seen.get());
        assertEquals(1, cancellerCalls);
    }

    @Test
    void aCancellerThatDoesNotFireLeadsToCancelledException() {
        Deferred<String> d = new Deferred<>(self -> log.add("I need to cancel this deferred"));
        d.addErrback(f -> log.add("errback got " + f.type().getSimpleName()));
        d.cancel();
        log.add("done");
        assertEquals(List.of("I need to cancel this deferred", "errback got CancelledException", "done"), log);
    }

    @Test
    void aCancellerThatCallsBackWinsOverCancelledException() {
        // defer-cancel-7, test_cancellerThatCallbacks
        Deferred<String> d = new Deferred<>(self -> self.callback("hello!"));
        d.cancel();
        assertEquals("hello!", successResultOf(d));
    }

    @Test
    void aCancellerThatErrbacksWinsWithItsOwnFailure() {
        // defer-cancel-6, test_cancellerThatErrbacks
        Deferred<String> d = new Deferred<>(self -> self.errback(new IllegalStateException("my way")));
        d.cancel();
        failureResultOf(d, IllegalStateException.class);
    }

    @Test
    void aLateFiringAfterTheCancellerRanIsNotSwallowed() {
        // test_simpleCanceller: only a Deferred without a canceller eats the late answer
        Deferred<String> d = new Deferred<>(self -> cancellerCalls++);
        d.addErrback(f -> null);
        d.cancel();
        assertThrows(AlreadyCalledException.class, () -> d.callback(null));
        assertThrows(AlreadyCalledException.class, () -> d.errback(new Exception()));
    }

    @Test
    void cancellingAFiredDeferredDoesNothing() {
        // defer-cancel-3 and -8: the canceller is not even called
        Deferred<String> d = new Deferred<>(self -> cancellerCalls++);
        d.addCallbacks(r -> log.add("callback got: " + r), f -> log.add("errback"));
        d.callback("result");
        d.cancel();
        assertEquals(List.of("callback got: result"), log);
        assertEquals(0, cancellerCalls);
    }

    @Test
    void cancellingAFailedDeferredDoesNothing() {
        Deferred<String> d = new Deferred<>(self -> cancellerCalls++);
        d.errback(new IllegalArgumentException("original"));
        d.cancel();
        failureResultOf(d, IllegalArgumentException.class);
        assertEquals(0, cancellerCalls);
    }

    @Test
    void cancellingAnOuterDeferredPausedOnAnInnerOneCancelsTheInner() {
        // defer-cancel-12
        Deferred<String> outer = new Deferred<>(self -> log.add("outer cancel callback."));
        Deferred<String> inner = new Deferred<>(self -> log.add("inner cancel callback."));
        outer.addCallback(r -> {
            log.add("first outer callback, returning inner deferred");
            return inner;
        });
        outer.addCallbacks(r -> log.add("second outer callback got: " + r),
                f -> log.add("outer errback got: " + f.type().getSimpleName()));
        outer.callback("result");
        log.add("canceling outer deferred.");
        outer.cancel();
        log.add("done");
        assertEquals(List.of("first outer callback, returning inner deferred", "canceling outer deferred.",
                "inner cancel callback.", "outer errback got: CancelledException", "done"), log);
    }

    @Test
    void aCancellerExceptionPropagatesAndLeavesTheDeferredUnfired() {
        Deferred<String> d = new Deferred<>(self -> {
            throw new IllegalStateException("canceller broke");
        });
        assertThrows(IllegalStateException.class, d::cancel);
        assertFalse(d.called());
    }

    @Test
    void cancellingWithoutACancellerDoesNotStopTheProducer() {
        // defer-cancel-10: the errback runs, but "Sending poem" still happens later
        ManualEventLoop loop = new ManualEventLoop();
        Deferred<String> d = getPoem(loop, false);
        d.addCallbacks(poem -> log.add("I got a poem: " + poem), f -> log.add("get_poem failed: " + f.type().getSimpleName()));
        loop.advance(Duration.ofSeconds(2));
        d.cancel();
        loop.advance(Duration.ofSeconds(3));
        assertEquals(List.of("get_poem failed: CancelledException", "Sending poem"), log);
    }

    @Test
    void aCancellerCanReallyAbortTheOperation() {
        // defer-cancel-11: the canceller cancels the delayed call
        ManualEventLoop loop = new ManualEventLoop();
        Deferred<String> d = getPoem(loop, true);
        d.addCallbacks(poem -> log.add("I got a poem: " + poem), f -> log.add("get_poem failed: " + f.type().getSimpleName()));
        loop.advance(Duration.ofSeconds(2));
        d.cancel();
        loop.advance(Duration.ofSeconds(3));
        assertEquals(List.of("get_poem failed: CancelledException"), log);
        assertEquals(List.of(), loop.pendingCalls());
    }

    @Test
    void withoutCancellationThePoemArrives() {
        // defer-cancel-9
        ManualEventLoop loop = new ManualEventLoop();
        Deferred<String> d = getPoem(loop, true);
        d.addCallback(poem -> log.add("I got a poem: " + poem));
        loop.advance(Duration.ofSeconds(5));
        assertEquals(List.of("Sending poem", "I got a poem: Once upon a midnight dreary"), log);
    }

    /** Part 19's get_poem: a poem five seconds later, optionally with a real canceller. */
    private Deferred<String> getPoem(ManualEventLoop loop, boolean cancellable) {
        DelayedCall[] call = {null};
        Deferred<String> d = cancellable ? new Deferred<>(self -> call[0].cancel()) : new Deferred<>();
        call[0] = loop.callLater(Duration.ofSeconds(5), () -> {
            log.add("Sending poem");
            d.callback("Once upon a midnight dreary");
        });
        return d;
    }

    @Test
    void cancellingBeforeAnyCallbackStillDeliversToCallbacksAddedLater() {
        Deferred<String> d = new Deferred<>();
        d.cancel();
        assertInstanceOf(CancelledException.class, failureResultOf(d).value());
    }
}
