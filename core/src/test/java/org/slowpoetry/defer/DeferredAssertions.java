package org.slowpoetry.defer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;

/**
 * Twisted trial's {@code successResultOf}, {@code failureResultOf} and {@code assertNoResult}:
 * inspect a Deferred's current result through its public API.
 */
final class DeferredAssertions {
    private DeferredAssertions() {
    }

    /** The Deferred's current result, which must be a success; it is passed on unchanged. */
    @SuppressWarnings("unchecked")
    static <T> T successResultOf(Deferred<T> d) {
        Object[] box = {null};
        boolean[] seen = {false};
        d.addBoth(outcome -> {
            seen[0] = true;
            box[0] = outcome;
            return outcome instanceof Failure ? null : outcome; // consume a failure: we report it here
        });
        if (!seen[0]) {
            fail("expected a result from " + d + " but it has none");
        }
        if (box[0] instanceof Failure f) {
            fail("expected a success but got a failure:\n" + f.getTraceback());
        }
        return (T) box[0];
    }

    /**
     * The Deferred's current result, which must be a Failure of one of {@code types} (any type if
     * none given); it is consumed.
     */
    @SafeVarargs
    @SuppressWarnings("varargs")
    static Failure failureResultOf(Deferred<?> d, Class<? extends Throwable>... types) {
        Object[] box = {null};
        boolean[] seen = {false};
        d.addBoth(outcome -> {
            seen[0] = true;
            box[0] = outcome;
            return null;
        });
        if (!seen[0]) {
            fail("expected a failure from " + d + " but it has no result");
        }
        if (!(box[0] instanceof Failure f)) {
            return fail("expected a failure but got the result " + box[0]);
        }
        if (types.length > 0 && f.check(types) == null) {
            fail("expected one of " + Arrays.toString(types) + " but got:\n" + f.getTraceback());
        }
        return f;
    }

    /** The Deferred has no result yet (this adds a pass-through stage). */
    static void assertNoResult(Deferred<?> d) {
        boolean[] seen = {false};
        d.addBoth(outcome -> {
            seen[0] = true;
            return outcome;
        });
        if (seen[0]) {
            fail("expected no result yet from " + d);
        }
    }

    static void assertSameFailure(Failure expected, Failure actual) {
        assertNotNull(actual);
        assertEquals(System.identityHashCode(expected), System.identityHashCode(actual),
                "expected the very same Failure object");
    }
}
