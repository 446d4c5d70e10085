package org.slowpoetry.defer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.slowpoetry.defer.DeferredAssertions.assertNoResult;
import static org.slowpoetry.defer.DeferredAssertions.failureResultOf;
import static org.slowpoetry.defer.DeferredAssertions.successResultOf;
import static org.slowpoetry.defer.DeferredList.Option.CONSUME_ERRORS;
import static org.slowpoetry.defer.DeferredList.Option.FIRE_ON_ONE_ERRBACK;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DeferredList and gatherResults (Part 18). */
class DeferredListTest {
    private final List<Object> log = new ArrayList<>();

    @Test
    void anEmptyListFiresAtOnceWithAnEmptyList() {
        // deferred-list-1
        Deferred<List<Outcome<String>>> d = DeferredList.of(List.of());
        d.addCallback(res -> log.add("We got: " + res));
        assertEquals(List.of("We got: []"), log);
    }

    @Test
    void aListFiresOnlyWhenEveryMemberHasFired() {
        // deferred-list-2 and -3
        Deferred<String> d1 = new Deferred<>();
        Deferred<String> d2 = new Deferred<>();
        DeferredList.of(List.of(d1, d2)).addCallback(res -> log.add("We got: " + res));
        d1.callback("d1 result");
        assertTrue(log.isEmpty());
        d2.callback("d2 result");
        assertEquals(List.of("We got: [(true, d1 result), (true, d2 result)]"), log);
    }

    @Test
    void resultsAreInTheOrderGivenNotTheOrderFired() {
        // deferred-list-4
        Deferred<String> d1 = new Deferred<>();
        Deferred<String> d2 = new Deferred<>();
        Deferred<List<Outcome<String>>> list = DeferredList.of(List.of(d1, d2));
        d2.callback("d2 result");
        d1.callback("d1 result");
        assertEquals(List.of(new Outcome.Success<>("d1 result"), new Outcome.Success<>("d2 result")),
                successResultOf(list));
    }

    @Test
    void aFailedMemberBecomesAFailedOutcomeAndTheListStillSucceeds() {
        // deferred-list-5
        Deferred<String> d1 = new Deferred<>();
        Deferred<String> d2 = new Deferred<>();
        Deferred<List<Outcome<String>>> list = DeferredList.of(List.of(d1, d2), CONSUME_ERRORS);
        d1.callback("d1 result");
        d2.errback(new Exception("d2 failure"));
        List<Outcome<String>> outcomes = successResultOf(list);
        assertTrue(outcomes.get(0).succeeded());
        if (!(outcomes.get(1) instanceof Outcome.Failed<String> failed)) {
            throw new AssertionError("expected a failed outcome: " + outcomes);
        }
        assertEquals("d2 failure", failed.failure().getErrorMessage());
        assertEquals("(false, [Failure instance: java.lang.Exception: d2 failure])", failed.toString());
    }

    @Test
    void withoutConsumeErrorsTheMemberKeepsItsFailure() {
        // deferred-list-6 and testDeferredListDontConsumeErrors
        Deferred<String> d1 = new Deferred<>();
        DeferredList.of(List.of(d1)).addCallback(log::add);
        d1.errback(new IllegalStateException("Bang"));
        assertSame(IllegalStateException.class, d1.unhandledFailure().type());
        assertEquals("Bang", failureResultOf(d1).getErrorMessage());
        assertEquals(1, log.size());
    }

    @Test
    void consumeErrorsHandlesTheMembersFailure() {
        // testDeferredListConsumeErrors
        Deferred<String> d1 = new Deferred<>();
        DeferredList.of(List.of(d1), CONSUME_ERRORS).addCallback(log::add);
        d1.errback(new IllegalStateException("Bang"));
        assertNull(d1.unhandledFailure());
        assertNull(successResultOf(d1));
        assertEquals(1, log.size());
    }

    @Test
    void fireOnOneErrbackFailsWithTheFirstError() {
        // testDeferredListFireOnOneError
        Deferred<String> d1 = new Deferred<>();
        Deferred<String> d2 = new Deferred<>();
        Deferred<String> d3 = new Deferred<>();
        Deferred<List<Outcome<String>>> list = DeferredList.of(List.of(d1, d2, d3), FIRE_ON_ONE_ERRBACK);
        d2.addErrback(f -> null); // handle it after the list has seen it
        d1.callback("1");
        assertNoResult(list);
        d2.errback(new IllegalArgumentException("from def2"));
        FirstErrorException first = assertInstanceOf(FirstErrorException.class,
                failureResultOf(list, FirstErrorException.class).value());
        assertEquals(1, first.index());
        assertEquals(1, first.key());
        assertEquals("from def2", first.subFailure().getErrorMessage());
    }

    @Test
    void fireOnOneErrbackSeesAMemberThatFailedBeforeTheListWasMade() {
        Deferred<String> d1 = Deferred.fail(new IllegalStateException("Bang"));
        Deferred<String> d2 = new Deferred<>();
        Deferred<List<Outcome<String>>> list = DeferredList.of(List.of(d1, d2), FIRE_ON_ONE_ERRBACK, CONSUME_ERRORS);
        failureResultOf(list, FirstErrorException.class);
    }

    @Test
    void membersThatFiredBeforeTheListWasMadeAreCollected() {
        Deferred<String> d1 = Deferred.fail(new IllegalStateException("Bang"));
        Deferred<String> d2 = Deferred.succeed("2");
        List<Outcome<String>> outcomes = successResultOf(DeferredList.of(List.of(d1, d2), CONSUME_ERRORS));
        assertFalse(outcomes.get(0).succeeded());
        assertEquals(new Outcome.Success<>("2"), outcomes.get(1));
    }

    @Test
    void fireOnOneCallbackFiresWithTheFirstSuccessAndItsIndex() {
        Deferred<String> d1 = new Deferred<>();
        Deferred<String> d2 = new Deferred<>();
        Deferred<FirstOrAll<String>> first = DeferredList.fireOnOneCallback(List.of(d1, d2));
        d2.callback("fast");
        assertEquals(new FirstOrAll.First<>("fast", 1), successResultOf(first));
        d1.callback("slow"); // ignored by the list
    }

    @Test
    void fireOnOneCallbackWithEveryMemberFailingFiresWithAllOutcomes() {
        Deferred<String> d1 = new Deferred<>();
        Deferred<String> d2 = new Deferred<>();
        Deferred<FirstOrAll<String>> first = DeferredList.fireOnOneCallback(List.of(d1, d2), CONSUME_ERRORS);
        d1.errback(new IllegalStateException("one"));
        d2.errback(new IllegalStateException("two"));
        FirstOrAll<String> result = successResultOf(first);
        String summary = switch (result) {
            case FirstOrAll.First<String>(var value, var index) -> "first " + value;
            case FirstOrAll.All<String>(var outcomes) -> "all " + outcomes.size();
        };
        assertEquals("all 2", summary);
    }

    @Test
    void fireOnOneCallbackOnAnEmptyListNeverFires() {
        assertNoResult(DeferredList.fireOnOneCallback(List.<Deferred<String>>of()));
    }

    @Test
    void cancellingTheListCancelsEveryMember() {
        Deferred<String> one = new Deferred<>();
        Deferred<String> two = new Deferred<>();
        Deferred<List<Outcome<String>>> list = DeferredList.of(List.of(one, two));
        list.cancel();
        failureResultOf(one, CancelledException.class);
        failureResultOf(two, CancelledException.class);
        List<Outcome<String>> outcomes = successResultOf(list);
        assertFalse(outcomes.get(0).succeeded() || outcomes.get(1).succeeded());
    }

    @Test
    void cancellingAListWhoseMemberCallsBackInItsCancellerFiresWithTheOutcomes() {
        // test_cancelDeferredListCallback
        Deferred<String> one = new Deferred<>(self -> self.callback("Callback Result"));
        Deferred<String> two = new Deferred<>();
        Deferred<List<Outcome<String>>> list = DeferredList.of(List.of(one, two));
        list.cancel();
        failureResultOf(two, CancelledException.class);
        List<Outcome<String>> outcomes = successResultOf(list);
        assertEquals(new Outcome.Success<>("Callback Result"), outcomes.get(0));
        if (!(outcomes.get(1) instanceof Outcome.Failed<String> second)) {
            throw new AssertionError("expected a failed outcome: " + outcomes);
        }
        assertSame(CancelledException.class, second.failure().type());
    }

    @Test
    void cancellingAFireOnOneErrbackListFailsWithTheFirstCancellation() {
        Deferred<String> one = new Deferred<>();
        Deferred<String> two = new Deferred<>();
        Deferred<List<Outcome<String>>> list = DeferredList.of(List.of(one, two), FIRE_ON_ONE_ERRBACK, CONSUME_ERRORS);
        list.cancel();
        FirstErrorException first = (FirstErrorException) failureResultOf(list, FirstErrorException.class).value();
        assertSame(CancelledException.class, first.subFailure().type());
    }

    @Test
    void cancellingAListThatFiredOnOneCallbackDoesNothing() {
        // test_cancelFiredOnOneCallbackDeferredList
        Deferred<String> one = new Deferred<>();
        Deferred<String> two = new Deferred<>();
        Deferred<FirstOrAll<String>> list = DeferredList.fireOnOneCallback(List.of(one, two));
        one.callback(null);
        list.cancel();
        assertNoResult(two);
    }

    @Test
    void aCancellerThatThrowsIsLoggedAndTheOthersStillCancelled() {
        // test_cancelDeferredListWithException
        Deferred<String> one = new Deferred<>(self -> {
            throw new IllegalStateException("test");
        });
        Deferred<String> two = new Deferred<>();
        Deferred<List<Outcome<String>>> list = DeferredList.of(List.of(one, two));
        list.cancel();
        failureResultOf(two, CancelledException.class);
        failureResultOf(list, CancelledException.class); // one never fired, so the list is cancelled
    }

    @Test
    void theListCopiesTheMembersItWasGiven() {
        // test_cancelDeferredListWithOriginalDeferreds
        Deferred<String> one = new Deferred<>();
        List<Deferred<String>> members = new ArrayList<>(List.of(one));
        Deferred<List<Outcome<String>>> list = DeferredList.of(members);
        Deferred<String> later = new Deferred<>();
        members.add(later);
        list.cancel();
        failureResultOf(one, CancelledException.class);
        assertNoResult(later);
    }

    @Test
    void aListOfListsNestsTheOutcomes() {
        // Part 18 exercise 3
        Deferred<String> a = Deferred.succeed("a");
        Deferred<String> b = Deferred.succeed("b");
        Deferred<List<Outcome<List<Outcome<String>>>>> outer =
                DeferredList.of(List.of(DeferredList.of(List.of(a)), DeferredList.of(List.of(b))));
        assertEquals("[(true, [(true, a)]), (true, [(true, b)])]", successResultOf(outer).toString());
    }

    @Test
    void gatherResultsUnpacksTheValues() {
        assertEquals(List.of(1, 2), successResultOf(Deferred.gatherResults(
                List.of(Deferred.succeed(1), Deferred.succeed(2)), false)));
    }

    @Test
    void gatherResultsKeepsNullValues() {
        assertEquals(Arrays.asList("x", null), successResultOf(Deferred.gatherResults(
                List.of(Deferred.succeed("x"), Deferred.<String>succeed(null)), false)));
    }

    @Test
    void gatherResultsFailsWithTheFirstError() {
        Deferred<Integer> bad = Deferred.fail(new IllegalArgumentException());
        Deferred<List<Integer>> all = Deferred.gatherResults(List.of(Deferred.succeed(1), bad), false);
        FirstErrorException first = (FirstErrorException) failureResultOf(all, FirstErrorException.class).value();
        assertSame(IllegalArgumentException.class, first.subFailure().type());
        failureResultOf(bad); // without consumeErrors it is still there
    }

    @Test
    void gatherResultsWithConsumeErrorsHandlesTheMembersFailure() {
        Deferred<Integer> bad = Deferred.fail(new IllegalStateException("oh noes"));
        Deferred<List<Integer>> all = Deferred.gatherResults(List.of(Deferred.succeed(1), bad), true);
        assertNull(successResultOf(bad));
        failureResultOf(all, FirstErrorException.class);
    }

    @Test
    void cancellingGatherResultsCancelsEveryMember() {
        Deferred<String> one = new Deferred<>();
        Deferred<String> two = new Deferred<>();
        Deferred<List<String>> all = Deferred.gatherResults(List.of(one, two), true);
        all.cancel();
        assertNull(successResultOf(one)); // consumed
        assertNull(successResultOf(two));
        FirstErrorException first = (FirstErrorException) failureResultOf(all, FirstErrorException.class).value();
        assertSame(CancelledException.class, first.subFailure().type());
    }

    @Test
    void cancellingGatherResultsWhoseMembersCallBackGivesTheirResults() {
        Deferred<String> one = new Deferred<>(self -> self.callback("Callback Result"));
        Deferred<String> two = new Deferred<>(self -> self.callback("Callback Result"));
        Deferred<List<String>> all = Deferred.gatherResults(List.of(one, two), false);
        all.cancel();
        assertEquals(List.of("Callback Result", "Callback Result"), successResultOf(all));
    }
}
