package org.slowpoetry.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.slowpoetry.trial.TrialAssertions.assertFailure;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.slowpoetry.defer.CancelledException;
import org.slowpoetry.defer.Deferred;

/** trial's {@code assertFailure}, proved under the extension it serves. */
@ReactorTest(timeout = 10)
class TrialAssertionsTest {

    @Test
    void aFailureOfTheExpectedTypeIsTheResult(Trial trial) {
        var refused = new ConnectException("Connection refused");
        trial.waitFor(assertFailure(Deferred.fail(refused), IOException.class).thenApply(e -> {
            assertSame(refused, e);
            return null;
        }));
    }

    @Test
    void aSuccessFailsTheAssertion(Trial trial) {
        Deferred<AssertionError> failed =
                assertFailure(assertFailure(Deferred.succeed("a poem"), IOException.class), AssertionError.class);
        trial.waitFor(failed.thenApply(e -> {
            assertEquals("expected the Deferred to fail with java.io.IOException, but it succeeded with a poem",
                    e.getMessage());
            return null;
        }));
    }

    @Test
    void anotherFailureFailsTheAssertionWithThatFailureAsItsCause(Trial trial) {
        var other = new IllegalStateException("not an I/O error");
        Deferred<AssertionError> failed =
                assertFailure(assertFailure(Deferred.fail(other), FileNotFoundException.class), AssertionError.class);
        trial.waitFor(failed.thenApply(e -> {
            assertSame(other, e.getCause());
            assertTrue(e.getMessage().contains("but it failed with java.lang.IllegalStateException"), e::getMessage);
            return null;
        }));
    }

    @Test
    void cancellingTheAssertionCancelsTheDeferredItWatches(Trial trial) {
        Deferred<String> pending = new Deferred<>();
        Deferred<CancelledException> asserted = assertFailure(pending, CancelledException.class);
        asserted.cancel();
        trial.waitFor(asserted.thenApply(e -> {
            assertTrue(pending.called(), "the watched Deferred was cancelled");
            return null;
        }));
    }
}
