package org.slowpoetry.trial;

import java.util.Objects;
import org.slowpoetry.defer.Deferred;

/**
 * Assertions about Deferreds, for tests that wait for them ({@link Trial#waitFor}).
 *
 * <p><b>Threading:</b> like the Deferreds they take: call on the thread that owns them (a test
 * method under {@link ReactorTest} runs on its reactor's thread); the Deferreds they return fire
 * there.
 */
public final class TrialAssertions {

    private TrialAssertions() {
    }

    /**
     * trial's {@code assertFailure}, the asynchronous {@code assertThrows}: a Deferred that succeeds
     * with {@code d}'s exception if {@code d} fails with an {@code expected} (or a subtype), and
     * fails with an {@link AssertionError} if {@code d} succeeds or fails with anything else (that
     * exception its cause). {@code d}'s failure counts as handled. Cancelling the returned Deferred
     * cancels {@code d}.
     *
     * {@snippet :
     * Deferred<byte[]> d = PoetryClient.getPoetry(reactor, closedPort, settings);
     * trial.waitFor(assertFailure(d, FetchException.class).thenApply(e -> {
     *     assertEquals(new FetchFailure.Refused(closedPort), e.failure());
     *     return null;
     * }));
     * }
     *
     * @param <X> the exception type expected
     */
    public static <X extends Throwable> Deferred<X> assertFailure(Deferred<?> d, Class<X> expected) {
        Objects.requireNonNull(d, "d");
        Objects.requireNonNull(expected, "expected");
        Deferred<X> asserted = new Deferred<>(cancelled -> d.cancel());
        d.addCallbacks(result -> {
            asserted.errback(new AssertionError("expected the Deferred to fail with " + expected.getName()
                    + ", but it succeeded with " + describe(result)));
            return null;
        }, failure -> {
            Throwable thrown = failure.value();
            if (expected.isInstance(thrown)) {
                asserted.callback(expected.cast(thrown));
            } else {
                asserted.errback(new AssertionError("expected the Deferred to fail with " + expected.getName()
                        + ", but it failed with " + thrown, thrown));
            }
            return null;
        });
        return asserted;
    }

    private static String describe(Object result) {
        return result instanceof byte[] bytes ? bytes.length + " bytes" : String.valueOf(result);
    }
}
