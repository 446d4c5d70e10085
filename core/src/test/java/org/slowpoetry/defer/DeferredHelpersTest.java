package org.slowpoetry.defer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.slowpoetry.defer.DeferredAssertions.assertNoResult;
import static org.slowpoetry.defer.DeferredAssertions.failureResultOf;
import static org.slowpoetry.defer.DeferredAssertions.successResultOf;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** succeed, fail and maybeDeferred. */
class DeferredHelpersTest {

    @Test
    void succeedGivesAFiredDeferred() {
        Deferred<String> d = Deferred.succeed("success");
        assertTrue(d.called());
        assertEquals("success", successResultOf(d));
    }

    @Test
    void failGivesAFailedDeferred() {
        assertEquals("fail", failureResultOf(Deferred.fail(new IOException("fail")), IOException.class).getErrorMessage());
    }

    @Test
    void maybeDeferredWrapsAValue() {
        assertEquals(15, successResultOf(Deferred.maybeDeferred(() -> 10 + 5)));
    }

    @Test
    void maybeDeferredWrapsAThrownException() {
        Deferred<Object> d = Deferred.maybeDeferred(() -> {
            throw new IOException("that value is unacceptable");
        });
        assertEquals("that value is unacceptable", failureResultOf(d, IOException.class).getErrorMessage());
    }

    @Test
    void maybeDeferredTurnsAReturnedFailureIntoAFailedDeferred() {
        Failure expected = Failure.of(new IllegalArgumentException());
        DeferredAssertions.assertSameFailure(expected, failureResultOf(Deferred.maybeDeferred(() -> expected)));
    }

    @Test
    void maybeDeferredPassesALaterResultThrough() {
        Deferred<String> d1 = new Deferred<>();
        Deferred<Object> d2 = Deferred.maybeDeferred(() -> d1);
        assertNoResult(d2);
        d1.callback("Success");
        assertEquals("Success", successResultOf(d2));
    }

    @Test
    void maybeDeferredPassesALaterFailureThrough() {
        Deferred<String> d1 = new Deferred<>();
        Deferred<Object> d2 = Deferred.maybeDeferred(() -> d1);
        d1.errback(new IllegalStateException());
        failureResultOf(d2, IllegalStateException.class);
    }
}
