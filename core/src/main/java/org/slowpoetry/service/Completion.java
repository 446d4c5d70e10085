package org.slowpoetry.service;

import java.util.ArrayList;
import java.util.List;
import org.slowpoetry.defer.Deferred;

/**
 * The end of a reactor service's stop (or of the clean-up after a failed start), handed to every
 * caller who asks: each gets its own {@link Deferred}, fired with the same outcome, at once if the
 * end has come already. A Deferred has one chain of callbacks, so callers cannot share one.
 *
 * <p><b>Threading:</b> event-loop thread only (its owner checks).
 */
final class Completion {
    /** Loop thread only. */
    private boolean done;
    /** Why it failed, or null; loop thread only. */
    private Throwable failure;
    /** Callers waiting for the end; loop thread only. */
    private final List<Deferred<Void>> waiters = new ArrayList<>();

    /** A finished completion. */
    static Completion succeeded() {
        var c = new Completion();
        c.complete(null);
        return c;
    }

    /** A new Deferred for one more caller. */
    Deferred<Void> waiter() {
        if (done) {
            return failure == null ? Deferred.succeed(null) : Deferred.fail(failure);
        }
        var d = new Deferred<Void>();
        waiters.add(d);
        return d;
    }

    /** Fires every waiter: with {@code null} on success, else with {@code why}. Once. */
    void complete(Throwable why) {
        if (done) {
            throw new IllegalStateException("completed twice");
        }
        done = true;
        failure = why;
        for (Deferred<Void> d : List.copyOf(waiters)) {
            if (why == null) {
                d.callback(null);
            } else {
                d.errback(why);
            }
        }
        waiters.clear();
    }
}
