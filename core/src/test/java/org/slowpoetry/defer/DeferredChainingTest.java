package org.slowpoetry.defer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.slowpoetry.defer.DeferredAssertions.assertNoResult;
import static org.slowpoetry.defer.DeferredAssertions.failureResultOf;
import static org.slowpoetry.defer.DeferredAssertions.successResultOf;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deferreds returned from callbacks (Part 13), pausing, and chainDeferred. */
class DeferredChainingTest {
    private final List<Object> log = new ArrayList<>();

    @Test
    void callbackReturningDeferredPausesOuterChain() {
        Deferred<String> outer = new Deferred<>();
        Deferred<String> inner = new Deferred<>();
        outer.addCallback(r -> inner);
        outer.addCallback(r -> log.add("outer got " + r));
        outer.callback("start");
        assertTrue(log.isEmpty());
        assertTrue(outer.paused());
    }

    @Test
    void innerResultPassesThroughToTheOuterChain() {
        Deferred<String> outer = new Deferred<>();
        Deferred<String> inner = new Deferred<>();
        outer.addCallback(r -> inner);
        outer.addCallback(r -> log.add("outer got " + r));
        outer.callback("start");
        inner.callback("inner result");
        assertEquals(List.of("outer got inner result"), log);
        assertFalse(outer.paused());
    }

    @Test
    void innerFailurePassesToTheOuterErrback() {
        Deferred<String> outer = new Deferred<>();
        Deferred<String> inner = new Deferred<>();
        outer.addCallback(r -> inner);
        outer.callback("start");
        inner.errback(new IllegalStateException("inner failed"));
        assertEquals("inner failed", failureResultOf(outer, IllegalStateException.class).getErrorMessage());
    }

    @Test
    void anInnerDeferredWithAResultIsTakenOverAndLeftWithNull() {
        // Twisted's test_synchronousImplicitChain
        Deferred<String> first = Deferred.succeed("result");
        Deferred<String> second = new Deferred<>();
        second.addCallback(r -> first);
        second.callback(null);
        assertNull(successResultOf(first));
        assertEquals("result", successResultOf(second));
    }

    @Test
    void anInnerDeferredWithoutAResultHandsItOverWhenItFires() {
        // test_asynchronousImplicitChain
        Deferred<String> first = new Deferred<>();
        Deferred<String> second = new Deferred<>();
        second.addCallback(r -> first);
        second.callback(null);
        List<Object> firstResults = new ArrayList<>();
        List<Object> secondResults = new ArrayList<>();
        first.addCallback(firstResults::add);
        second.addCallback(secondResults::add);
        assertTrue(firstResults.isEmpty() && secondResults.isEmpty());
        first.callback("result");
        assertEquals(java.util.Collections.singletonList(null), firstResults);
        assertEquals(List.of("result"), secondResults);
    }

    @Test
    void anInnerFailureTakenOverIsNoLongerTheInnersToReport() {
        // test_synchronousImplicitErrorChain
        Deferred<String> first = Deferred.fail(new RuntimeException("First Deferred's Failure"));
        Deferred<String> second = new Deferred<>();
        second.addCallback(r -> first);
        second.callback(null);
        assertNull(first.unhandledFailure());
        assertNull(successResultOf(first));
        failureResultOf(second, RuntimeException.class);
    }

    @Test
    void anInnerFailureArrivingLaterIsHandedOverToo() {
        // test_asynchronousImplicitErrorChain
        Deferred<String> first = new Deferred<>();
        Deferred<String> second = new Deferred<>();
        second.addCallback(r -> first);
        second.callback(null);
        first.errback(new RuntimeException("First Deferred's Failure"));
        assertNull(first.unhandledFailure());
        assertNull(successResultOf(first));
        failureResultOf(second, RuntimeException.class);
    }

    @Test
    void errbackReturningADeferredPausesToo() {
        Deferred<String> d = new Deferred<>();
        Deferred<String> d2 = new Deferred<>();
        d.addErrback(f -> d2).addCallback(log::add);
        d.errback(new IllegalArgumentException());
        assertNoResult(d);
        assertTrue(log.isEmpty());
        d2.callback("result");
        assertEquals(List.of("result"), log);
    }

    @Test
    void chainingIsTransitive() {
        // test_doubleAsynchronousImplicitChaining
        Deferred<Object> first = new Deferred<>();
        Deferred<Object> second = new Deferred<>();
        Deferred<Object> third = new Deferred<>();
        second.addCallback(r -> first);
        third.addCallback(r -> second);
        third.addCallback(log::add);
        second.callback(null);
        third.callback(null);
        assertTrue(log.isEmpty());
        first.callback("result");
        assertEquals(List.of("result"), log);
    }

    @Test
    void innerCallbacksRunBeforeTheOuterChainContinues() {
        // test_nestedAsynchronousChainedDeferreds
        Deferred<String> inner = new Deferred<>();
        Deferred<Object> outer = Deferred.succeed("outer").addCallback(result -> {
            log.add("start-of-cb " + result);
            return Deferred.succeed("inner").addCallback(r -> {
                log.add("firstCallback " + r);
                return inner;
            }).addCallback(r -> {
                log.add("secondCallback " + r);
                return r + "" + r;
            });
        }).addCallback(log::add);
        assertEquals(List.of("start-of-cb outer", "firstCallback inner"), log);
        inner.callback("orange");
        assertEquals(List.of("start-of-cb outer", "firstCallback inner", "secondCallback orange", "orangeorange"), log);
        successResultOf(outer);
    }

    @Test
    void aPausedInnerDeferredWithAResultIsWaitedFor() {
        // test_chainedPausedDeferredWithResult
        Deferred<String> paused = Deferred.succeed("expected");
        paused.pause();
        Deferred<String> chained = new Deferred<>();
        chained.addCallback(r -> paused);
        chained.callback(null);
        chained.addCallback(log::add);
        assertTrue(log.isEmpty());
        paused.unpause();
        assertEquals(List.of("expected"), log);
    }

    @Test
    void aPausedOuterDeferredDoesNotStopTheInnerFromFinishing() {
        // test_pausedDeferredChained
        Deferred<Object> first = new Deferred<>();
        Deferred<Object> second = new Deferred<>();
        first.addCallback(r -> second);
        first.callback(null);
        first.pause();
        second.callback(null);
        second.addCallback(log::add);
        assertEquals(java.util.Collections.singletonList(null), log);
    }

    @Test
    void callbacksAddedToTheMiddleOfAChainRunOnceTheLastFires() {
        // test_resultOfDeferredResultOfDeferredOfFiredDeferredCalled
        Deferred<Object> first = new Deferred<>();
        Deferred<Object> second = new Deferred<>();
        Deferred<Object> third = new Deferred<>();
        first.addCallback(r -> second);
        second.addCallback(r -> third);
        second.callback(null);
        first.callback(null);
        third.callback(null);
        second.addCallback(log::add);
        assertEquals(java.util.Collections.singletonList(null), log);
    }

    @Test
    void tenThousandNestedAlreadyFiredDeferredsDoNotOverflowTheStack() {
        Deferred<Object> d = Deferred.succeed(0);
        for (int i = 1; i <= 10_000; i++) {
            Deferred<Object> previous = d;
            int n = i;
            d = Deferred.<Object>succeed(n).addCallback(r -> previous);
        }
        assertEquals(0, successResultOf(d));
    }

    @Test
    void tenThousandChainedUnfiredDeferredsUnwindAtConstantStackDepth() {
        // test_boundedStackDepth, with 10,000 instead of 2
        assertEquals(stackDepthAfterChaining(1), stackDepthAfterChaining(10_000));
    }

    /** Builds top -> inner_1 -> ... -> inner_n -> last, fires them, and records the stack depth. */
    private static int stackDepthAfterChaining(int howMany) {
        int[] depth = {-1};
        Deferred<Object> top = new Deferred<>();
        List<Deferred<Object>> inners = new ArrayList<>();
        for (int i = 0; i < howMany; i++) {
            inners.add(new Deferred<>());
        }
        Deferred<Object> last = new Deferred<>();
        Deferred<Object> firstInner = inners.getLast();
        top.addCallback(r -> firstInner);
        top.addCallback(r -> depth[0] = new Throwable().getStackTrace().length);
        Deferred<Object> inner = firstInner;
        for (int i = inners.size() - 2; i >= 0; i--) {
            Deferred<Object> next = inners.get(i);
            inner.addCallback(r -> next);
            inner = next;
        }
        inner.addCallback(r -> last);
        top.callback(null);
        for (Deferred<Object> d : inners) {
            d.callback(null);
        }
        assertEquals(-1, depth[0], "must not have run before the last Deferred fired");
        last.callback(null);
        assertTrue(depth[0] > 0, "the callback after the chain must have run");
        return depth[0];
    }

    @Test
    void chainDeferredFiresTheOtherWithThisResult() {
        Deferred<String> a = new Deferred<>();
        Deferred<String> b = new Deferred<>();
        Deferred<Void> chained = a.chainDeferred(b);
        a.callback("value");
        assertEquals("value", successResultOf(b));
        assertNull(successResultOf(chained));
    }

    @Test
    void chainDeferredPassesFailuresAndHandlesThemHere() {
        Failure failure = Failure.of(new IllegalStateException("x"));
        Deferred<String> a = new Deferred<>();
        Deferred<String> b = new Deferred<>();
        a.chainDeferred(b);
        a.errback(failure);
        DeferredAssertions.assertSameFailure(failure, failureResultOf(b));
        assertNull(successResultOf(a));
    }

    @Test
    void firingTheChainedDeferredDoesNotAffectTheFirst() {
        Deferred<String> a = new Deferred<>();
        Deferred<String> b = new Deferred<>();
        a.chainDeferred(b);
        b.callback("b alone");
        assertNoResult(a);
    }

    @Test
    void chainingADeferredToItselfIsRejected() {
        Deferred<String> a = new Deferred<>();
        assertThrows(IllegalArgumentException.class, () -> a.chainDeferred(a));
    }

    @Test
    void pauseHoldsBackCallbacksUntilUnpause() {
        // testPausedFailure
        Deferred<String> d = Deferred.fail(new IllegalStateException("fail"));
        d.pause();
        d.addErrback(f -> log.add(f.getErrorMessage()));
        assertTrue(log.isEmpty());
        d.unpause();
        assertEquals(List.of("fail"), log);
    }

    @Test
    void pausesNest() {
        Deferred<String> d = new Deferred<>();
        d.pause();
        d.pause();
        d.addCallback(log::add);
        d.callback("x");
        d.unpause();
        assertTrue(log.isEmpty());
        d.unpause();
        assertEquals(List.of("x"), log);
    }

    @Test
    void unpauseWithoutPauseThrows() {
        Deferred<String> d = new Deferred<>();
        assertThrows(IllegalStateException.class, d::unpause);
    }

    @Test
    void unpauseBeforeFiringIsHarmless() {
        // testUnpauseBeforeCallback
        Deferred<String> d = new Deferred<>();
        d.pause();
        d.addCallback(log::add);
        d.unpause();
        assertTrue(log.isEmpty());
        d.callback("later");
        assertEquals(List.of("later"), log);
    }

    @Test
    void theChainPauseCannotBeUndoneByUnpause() {
        Deferred<String> outer = new Deferred<>();
        outer.addCallback(r -> new Deferred<String>());
        outer.callback("x");
        assertTrue(outer.paused());
        assertThrows(IllegalStateException.class, outer::unpause);
    }

    @Test
    void maybeDeferredReturnsTheVeryDeferredTheFunctionReturned() {
        Deferred<String> d1 = new Deferred<>();
        assertSame(d1, Deferred.maybeDeferred(() -> d1));
    }
}
