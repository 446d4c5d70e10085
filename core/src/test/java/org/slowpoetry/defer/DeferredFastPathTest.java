package org.slowpoetry.defer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.slowpoetry.defer.DeferredAssertions.assertNoResult;
import static org.slowpoetry.defer.DeferredAssertions.failureResultOf;
import static org.slowpoetry.defer.DeferredAssertions.successResultOf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Stages added to a Deferred that has already fired run at once without being queued (the fast
 * path): each rule here is one the queued path keeps, proved on a fired Deferred.
 */
class DeferredFastPathTest {
    private final List<String> log = new ArrayList<>();

    @Test
    void aStageAddedToAFiredDeferredRunsBeforeTheAddReturns() {
        Deferred<String> d = Deferred.succeed("poem");
        d.addCallback(r -> log.add("ran with " + r));
        log.add("added");
        assertEquals(List.of("ran with poem", "added"), log);
    }

    @Test
    void stagesAddedByAFastPathCallbackRunAfterItInTheOrderAdded() {
        Deferred<Object> d = Deferred.succeed("go");
        d.addCallback(r -> {
            log.add("1");
            d.addCallback(x -> log.add("2"));
            d.addCallback(x -> log.add("3"));
            log.add("still 1");
            return r;
        });
        log.add("added");
        assertEquals(List.of("1", "still 1", "2", "3", "added"), log);
    }

    @Test
    void aFailedDeferredSendsTheNewStageToItsErrbackAndBackToCallbacks() {
        Deferred<String> d = Deferred.fail(new IOException("refused"));
        d.addCallbacks(r -> log.add("callback"), f -> "recovered");
        d.addCallback(r -> log.add("then " + r));
        assertEquals(List.of("then recovered"), log);
    }

    @Test
    void aFastPathStageReturningAPendingDeferredPausesTheChainUntilItFires() {
        Deferred<String> inner = new Deferred<>();
        Deferred<Object> d = Deferred.succeed("outer").addCallback(r -> inner);
        d.addCallback(r -> log.add("after " + r));
        assertTrue(d.paused());
        assertNoResult(d);
        assertEquals(List.of(), log);
        inner.callback("inner's result");
        assertEquals(List.of("after inner's result"), log);
        assertNull(successResultOf(inner), "the outer chain took the inner result over");
    }

    @Test
    void aFastPathStageReturningAFiredDeferredTakesItsResultOver() {
        Deferred<String> inner = Deferred.succeed("inner's result");
        Deferred<Object> d = Deferred.succeed("outer").addCallback(r -> inner);
        assertEquals("inner's result", successResultOf(d));
        assertNull(successResultOf(inner));
    }

    @Test
    void aPausedFiredDeferredQueuesNewStagesUntilUnpaused() {
        Deferred<String> d = Deferred.succeed("poem");
        d.pause();
        d.addCallback(r -> log.add("ran"));
        assertEquals(List.of(), log);
        d.unpause();
        assertEquals(List.of("ran"), log);
    }

    @Test
    void aFailureLeftByAFastPathStageIsTrackedAsUnhandledUntilAnErrbackHandlesIt() {
        Deferred<String> d = Deferred.succeed("poem");
        d.addCallback(r -> {
            throw new IllegalStateException("bad stanza");
        });
        assertNotNull(d.unhandledFailure());
        d.addErrback(f -> null);
        assertNull(d.unhandledFailure());
    }

    @Test
    void aFastPathCallbackThatThrowsIsWrappedInAFailureForTheNextErrback() {
        Deferred<String> d = Deferred.succeed("poem");
        IllegalStateException error = new IllegalStateException("bad stanza");
        d.addCallback(r -> {
            throw error;
        });
        assertSame(error, failureResultOf(d, IllegalStateException.class).value());
    }
}
