package org.slowpoetry.defer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.slowpoetry.defer.DeferredAssertions.failureResultOf;
import static org.slowpoetry.defer.DeferredAssertions.successResultOf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The firing rules of Parts 7 and 9, in the spirit of Twisted's {@code DeferredTests}. */
class DeferredTest {
    private final List<String> log = new ArrayList<>();

    @Test
    void firingRunsTheCallbackAtOnceInTheCallersStack() {
        // defer-1: the output is "Your poem is served:", the poem, then "Finished"
        Deferred<String> d = new Deferred<>();
        d.addCallbacks(poem -> log.add("served: " + poem), err -> log.add("No poetry for you."));
        d.callback("This poem is short.");
        log.add("Finished");
        assertEquals(List.of("served: This poem is short.", "Finished"), log);
    }

    @Test
    void errbackRunsTheErrbackNotTheCallback() {
        // defer-2
        Deferred<String> d = new Deferred<>();
        d.addCallbacks(poem -> log.add("served"), err -> log.add("No poetry for you."));
        d.errback(Failure.of(new Exception("I have failed.")));
        assertEquals(List.of("No poetry for you."), log);
    }

    @Test
    void errbackWithAPlainExceptionWrapsItInAFailure() {
        // defer-3: the errback always receives a Failure
        Deferred<String> d = new Deferred<>();
        Exception error = new Exception("I have failed.");
        Object[] got = {null};
        d.addErrback(err -> got[0] = err);
        d.errback(error);
        Failure failure = assertInstanceOf(Failure.class, got[0]);
        assertSame(error, failure.value());
    }

    @Test
    void errbackWithAFailurePassesThatVeryFailure() {
        Failure failure = Failure.of(new IOException("refused"));
        Deferred<String> d = new Deferred<>();
        d.errback(failure);
        DeferredAssertions.assertSameFailure(failure, failureResultOf(d, IOException.class));
    }

    @Test
    void secondCallbackThrowsAlreadyCalled() {
        // defer-4
        Deferred<String> d = new Deferred<>();
        d.addCallbacks(r -> log.add(r), e -> log.add("error"));
        d.callback("First result");
        assertThrows(AlreadyCalledException.class, () -> d.callback("Second result"));
        assertEquals(List.of("First result"), log);
    }

    @Test
    void errbackAfterCallbackThrowsAlreadyCalled() {
        Deferred<String> d = new Deferred<>();
        d.callback("hello");
        assertThrows(AlreadyCalledException.class, () -> d.errback(new RuntimeException()));
    }

    @Test
    void callbackAfterErrbackThrowsAlreadyCalled() {
        Deferred<String> d = new Deferred<>();
        d.addErrback(f -> null);
        d.errback(new RuntimeException());
        assertThrows(AlreadyCalledException.class, () -> d.callback("twice"));
    }

    @Test
    void secondErrbackThrowsAlreadyCalled() {
        Deferred<String> d = new Deferred<>();
        d.addErrback(f -> null);
        d.errback(new RuntimeException());
        assertThrows(AlreadyCalledException.class, () -> d.errback(new RuntimeException()));
    }

    @Test
    void aRefusedSecondFiringLeavesTheFirstResult() {
        Deferred<String> d = new Deferred<>();
        d.callback("first");
        assertThrows(AlreadyCalledException.class, () -> d.callback("second"));
        assertEquals("first", successResultOf(d));
    }

    @Test
    void firingWithADeferredIsRejected() {
        Deferred<Object> d = new Deferred<>();
        assertThrows(IllegalArgumentException.class, () -> d.callback(new Deferred<String>()));
        assertFalse(d.called());
    }

    @Test
    void callbacksAddedAfterFiringRunAtOnce() {
        Deferred<String> d = new Deferred<>();
        d.callback("early");
        d.addCallback(r -> log.add("late " + r));
        assertEquals(List.of("late early"), log);
    }

    @Test
    void callbacksRunInTheOrderAddedEachGettingThePreviousResult() {
        Deferred<Integer> d = new Deferred<>();
        d.addCallback(n -> n + 1).addCallback(n -> (Integer) n * 10).addCallback(n -> log.add("got " + n));
        d.callback(1);
        assertEquals(List.of("got 20"), log);
    }

    @Test
    void addCallbackAddsAPassThroughErrback() {
        Deferred<String> d = new Deferred<>();
        d.addCallback(r -> log.add("callback"));
        d.addErrback(f -> log.add("errback " + f.getErrorMessage()));
        d.errback(new RuntimeException("boom"));
        assertEquals(List.of("errback boom"), log);
    }

    @Test
    void addErrbackAddsAPassThroughCallback() {
        Deferred<String> d = new Deferred<>();
        d.addErrback(f -> log.add("errback"));
        d.addCallback(r -> log.add("callback " + r));
        d.callback("poem");
        assertEquals(List.of("callback poem"), log);
    }

    @Test
    void addBothRunsForAResultAndForAFailure() {
        // defer-9: the poem_done stage runs whichever way the Deferred fired
        Deferred<String> good = new Deferred<>();
        Deferred<String> bad = new Deferred<>();
        for (Deferred<String> d : List.of(good, bad)) {
            d.addCallbacks(poem -> null, err -> null);
            d.addBoth(ignored -> log.add("done"));
        }
        good.callback("Another short poem.");
        bad.errback(new Exception("no server"));
        assertEquals(List.of("done", "done"), log);
    }

    @Test
    void addBothReceivesTheFailureItself() {
        Deferred<String> d = new Deferred<>();
        Object[] got = {null};
        d.addBoth(outcome -> got[0] = outcome);
        d.errback(new IllegalStateException("x"));
        assertInstanceOf(Failure.class, got[0]);
    }

    @Test
    void callbackThatThrowsSendsAFailureToTheNextErrback() {
        Deferred<String> d = new Deferred<>();
        d.addCallback(r -> {
            throw new IOException("oops");
        });
        d.addCallback(r -> log.add("not called"));
        d.callback("x");
        assertEquals("oops", failureResultOf(d, IOException.class).getErrorMessage());
        assertTrue(log.isEmpty());
    }

    @Test
    void callbackReturningAFailureSendsItToTheNextErrback() {
        Failure failure = Failure.of(new ArithmeticException("/ by zero"));
        Deferred<Integer> d = new Deferred<>();
        d.addCallback(r -> failure);
        d.callback(1);
        DeferredAssertions.assertSameFailure(failure, failureResultOf(d, ArithmeticException.class));
    }

    @Test
    void errbackReturningAValueSwitchesBackToTheCallbackLine() {
        Deferred<String> d = new Deferred<>();
        d.addErrback(f -> "recovered");
        d.addCallbacks(r -> log.add("callback " + r), f -> log.add("errback"));
        d.errback(new RuntimeException());
        assertEquals(List.of("callback recovered"), log);
    }

    @Test
    void errbackReturningItsFailureReRaisesIt() {
        Failure original = Failure.of(new IOException("refused"));
        Deferred<String> d = new Deferred<>();
        d.addErrback(f -> {
            log.add("logged");
            return f;
        });
        d.errback(original);
        assertEquals(List.of("logged"), log);
        DeferredAssertions.assertSameFailure(original, failureResultOf(d));
    }

    @Test
    void errbackThatTrapsAnotherTypePassesTheSameFailureOn() {
        Failure original = Failure.of(new IOException("refused"));
        Deferred<String> d = new Deferred<>();
        d.addErrback(f -> f.trap(IllegalArgumentException.class));
        d.errback(original);
        DeferredAssertions.assertSameFailure(original, failureResultOf(d, IOException.class));
    }

    @Test
    void onlyOneMemberOfEachStageRunsAndControlCrissCrosses() {
        // Figure 18: stage 0 callback succeeds, stage 1 callback fails,
        // stage 2 errback handles it, stage 3 callback gets the errback's result.
        Deferred<String> d = new Deferred<>();
        d.addCallbacks(r -> {
            log.add("cb0");
            return r + "!";
        }, f -> log.add("eb0"));
        d.addCallbacks(r -> {
            log.add("cb1");
            throw new IllegalStateException("stage 1 failed");
        }, f -> log.add("eb1"));
        d.addCallbacks(r -> log.add("cb2"), f -> {
            log.add("eb2 " + f.getErrorMessage());
            return "handled";
        });
        d.addCallbacks(r -> log.add("cb3 " + r), f -> log.add("eb3"));
        d.callback("go");
        assertEquals(List.of("cb0", "cb1", "eb2 stage 1 failed", "cb3 handled"), log);
    }

    @Test
    void anErrbackInTheSameStageDoesNotSeeItsCallbacksException() {
        // Part 9 exercise 2: addCallbacks(cb, eb) differs from addCallback(cb); addErrback(eb)
        Deferred<String> paired = new Deferred<>();
        paired.addCallbacks(r -> {
            throw new IllegalStateException("cb failed");
        }, f -> log.add("paired errback"));
        paired.callback("x");
        failureResultOf(paired, IllegalStateException.class);

        Deferred<String> split = new Deferred<>();
        split.addCallback(r -> {
            throw new IllegalStateException("cb failed");
        });
        split.addErrback(f -> log.add("split errback"));
        split.callback("x");
        assertEquals(List.of("split errback"), log);
    }

    @Test
    void aCallbackAddedByACallbackRunsAfterTheRestOfTheChain() {
        Deferred<Object> d = new Deferred<>();
        d.addCallback(r -> {
            log.add("1");
            d.addCallback(x -> log.add("3"));
            return r;
        });
        d.addCallback(r -> log.add("2"));
        d.callback("go");
        assertEquals(List.of("1", "2", "3"), log);
    }

    @Test
    void aCallbackAddedByACallbackDoesNotRunUntilTheRunningOneReturns() {
        Deferred<String> d = new Deferred<>();
        d.addCallback(r -> {
            log.add("1");
            d.addCallback(x -> log.add("2"));
            log.add("still 1");
            return r;
        });
        d.callback("go");
        assertEquals(List.of("1", "still 1", "2"), log);
    }

    @Test
    void aReentrantlyAddedCallbackThatThrowsReachesTheNextErrback() {
        Deferred<String> d = new Deferred<>();
        d.addCallback(r -> {
            d.addCallback(x -> {
                throw new IllegalStateException("callback raised exception");
            });
            return r;
        });
        d.callback("go");
        assertEquals("callback raised exception", failureResultOf(d).getErrorMessage());
    }

    @Test
    void aStaleTypedReferenceTurnsTheWrongTypeIntoAFailure() {
        // The documented Java hazard of one object whose result changes type: after a stage
        // returns an Integer, a lambda typed for the old String result fails with a
        // ClassCastException, which the Deferred catches like any other exception.
        Deferred<String> d = new Deferred<>();
        Deferred<Object> changed = d.addCallback(String::length);
        d.addCallback(s -> s.isEmpty());
        d.callback("poem");
        failureResultOf(changed, ClassCastException.class);
    }

    @Test
    void nullIsAnOrdinaryResult() {
        Deferred<String> d = new Deferred<>();
        d.addCallback(r -> null);
        d.callback("x");
        assertNull(successResultOf(d));
    }

    @Test
    void calledBecomesTrueOnceFired() {
        Deferred<String> d = new Deferred<>();
        assertFalse(d.called());
        d.callback("x");
        assertTrue(d.called());
    }

    @Test
    void aCallbackReturningItsOwnDeferredFails() {
        Deferred<String> d = new Deferred<>();
        d.addCallback(r -> d);
        d.callback("foo");
        assertInstanceOf(IllegalStateException.class, failureResultOf(d).value());
    }

    @Test
    void errorsThrownByCallbacksAreCaughtToo() {
        Deferred<String> d = new Deferred<>();
        d.addCallback(r -> {
            throw new AssertionError("a bug");
        });
        d.callback("x");
        failureResultOf(d, AssertionError.class);
    }

    @Test
    void aCheckedExceptionKeepsItsOwnType() {
        Deferred<String> d = new Deferred<>();
        d.addCallback(r -> {
            throw new IOException("disk");
        });
        d.callback("x");
        assertSame(IOException.class, failureResultOf(d).type());
    }

    @Test
    void addMethodsReturnTheSameDeferred() {
        Deferred<String> d = new Deferred<>();
        assertSame(d, d.addCallback(r -> r));
        assertSame(d, d.addErrback(f -> f));
        assertSame(d, d.addBoth(r -> r));
        assertSame(d, d.addCallbacks(r -> r, f -> f));
        assertSame(d, d.thenApply(r -> r));
    }

    @Test
    void nullCallbacksAreRejected() {
        Deferred<String> d = new Deferred<>();
        assertThrows(NullPointerException.class, () -> d.addCallback(null));
        assertThrows(NullPointerException.class, () -> d.addCallbacks(r -> r, null));
    }

    @Test
    void toStringShowsThePendingAndFiredStates() {
        Deferred<String> d = new Deferred<>();
        assertTrue(d.toString().matches("<Deferred@[0-9a-f]+>"), d.toString());
        d.callback("orange");
        assertTrue(d.toString().endsWith(" current result: orange>"), d.toString());
    }

    @Test
    void toStringShowsWhatItIsWaitingOn() {
        Deferred<String> inner = new Deferred<>();
        Deferred<String> outer = new Deferred<>();
        outer.addCallback(r -> inner);
        outer.callback("x");
        assertTrue(outer.toString().contains("waiting on Deferred@"
                + Integer.toHexString(System.identityHashCode(inner))), outer.toString());
    }

    // ------------------------------------------------------------------ the typed variants

    @Test
    void thenApplyMapsResultsWithoutCasts() {
        Deferred<String> d = new Deferred<>();
        Deferred<Integer> length = d.thenApply(String::toLowerCase).thenApply(String::length);
        d.callback("ABC");
        assertEquals(3, successResultOf(length));
    }

    @Test
    void thenApplyLetsFailuresPass() {
        Deferred<String> d = new Deferred<>();
        Deferred<Integer> length = d.thenApply(String::length);
        d.errback(new IOException("lost"));
        failureResultOf(length, IOException.class);
    }

    @Test
    void thenApplyReturningADeferredIsABug() {
        Deferred<String> d = new Deferred<>();
        Deferred<Deferred<String>> wrong = d.thenApply(r -> new Deferred<String>());
        d.callback("x");
        assertTrue(failureResultOf(wrong, IllegalStateException.class).getErrorMessage().contains("thenCompose"));
    }

    @Test
    void thenComposeWaitsForTheReturnedDeferred() {
        Deferred<String> d = new Deferred<>();
        Deferred<Integer> inner = new Deferred<>();
        Deferred<Integer> composed = d.thenCompose(r -> inner);
        d.callback("x");
        DeferredAssertions.assertNoResult(composed);
        inner.callback(42);
        assertEquals(42, successResultOf(composed));
    }

    @Test
    void thenComposeReturningNullFails() {
        Deferred<String> d = new Deferred<>();
        Deferred<Integer> composed = d.thenCompose(r -> null);
        d.callback("x");
        failureResultOf(composed, NullPointerException.class);
    }

    @Test
    void catchingHandlesTheGivenExceptionType() {
        Deferred<String> d = new Deferred<>();
        Deferred<String> safe = d.catching(IOException.class, e -> "fallback after " + e.getMessage());
        d.errback(new IOException("refused"));
        assertEquals("fallback after refused", successResultOf(safe));
    }

    @Test
    void catchingLetsOtherFailuresPassUnchanged() {
        Failure original = Failure.of(new IllegalStateException("other"));
        Deferred<String> d = new Deferred<>();
        Deferred<String> safe = d.catching(IOException.class, e -> "fallback");
        d.errback(original);
        DeferredAssertions.assertSameFailure(original, failureResultOf(safe));
    }
}
