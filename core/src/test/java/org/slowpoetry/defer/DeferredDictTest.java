package org.slowpoetry.defer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.slowpoetry.defer.DeferredAssertions.assertNoResult;
import static org.slowpoetry.defer.DeferredAssertions.failureResultOf;
import static org.slowpoetry.defer.DeferredAssertions.successResultOf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DeferredDict: Part 18's exercise 5. */
class DeferredDictTest {

    private static <T> Map<String, Deferred<T>> ordered(String k1, Deferred<T> d1, String k2, Deferred<T> d2) {
        Map<String, Deferred<T>> map = new LinkedHashMap<>();
        map.put(k1, d1);
        map.put(k2, d2);
        return map;
    }

    @Test
    void aDictMapsEachKeyToItsOutcomeInTheMapsOrder() {
        Deferred<String> science = new Deferred<>();
        Deferred<String> fascination = new Deferred<>();
        Deferred<Map<String, Outcome<String>>> dict =
                DeferredDict.of(ordered("science", science, "fascination", fascination), DeferredList.Option.CONSUME_ERRORS);
        fascination.errback(new IllegalStateException("lost"));
        assertNoResult(dict);
        science.callback("poem");
        Map<String, Outcome<String>> outcomes = successResultOf(dict);
        assertEquals(List.of("science", "fascination"), List.copyOf(outcomes.keySet()));
        assertEquals(new Outcome.Success<>("poem"), outcomes.get("science"));
        assertTrue(!outcomes.get("fascination").succeeded());
    }

    @Test
    void anEmptyDictFiresAtOnce() {
        assertEquals(Map.of(), successResultOf(DeferredDict.of(Map.<String, Deferred<String>>of())));
    }

    @Test
    void fireOnOneErrbackNamesTheKeyThatFailed() {
        Deferred<String> a = new Deferred<>();
        Deferred<String> b = new Deferred<>();
        Deferred<Map<String, Outcome<String>>> dict = DeferredDict.of(ordered("a", a, "b", b),
                DeferredList.Option.FIRE_ON_ONE_ERRBACK, DeferredList.Option.CONSUME_ERRORS);
        b.errback(new IllegalStateException());
        FirstErrorException first = (FirstErrorException) failureResultOf(dict, FirstErrorException.class).value();
        assertEquals("b", first.key());
        assertEquals(1, first.index());
    }

    @Test
    void gatherResultsMapsEachKeyToItsValue() {
        Map<String, Integer> values = successResultOf(DeferredDict.gatherResults(
                ordered("one", Deferred.succeed(1), "two", Deferred.succeed(2)), false));
        assertEquals(Map.of("one", 1, "two", 2), values);
    }

    @Test
    void cancellingADictCancelsEveryMember() {
        Deferred<String> a = new Deferred<>();
        Deferred<String> b = new Deferred<>();
        Deferred<Map<String, String>> dict = DeferredDict.gatherResults(ordered("a", a, "b", b), true);
        dict.cancel();
        failureResultOf(dict, FirstErrorException.class);
        assertTrue(a.called() && b.called());
    }
}
