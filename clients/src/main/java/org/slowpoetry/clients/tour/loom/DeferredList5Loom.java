package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Joiner;

/**
 * {@code deferred-list-5-loom}, the twin of {@code deferred-list-5} (Part 18): a subtask that
 * throws has the outcome {@code (false, exception)}, and the scope does not fail: with
 * {@link Joiner#awaitAll()} a failure is a value to read, as with {@code consumeErrors=True}.
 * The other flags have joiners too: {@code fireOnOneCallback} is
 * {@link Joiner#anySuccessfulResultOrThrow()}, {@code fireOnOneErrback} is
 * {@link Joiner#awaitAllSuccessfulOrThrow()} (the first failure cancels the rest and
 * {@code join()} throws it), and any other "stop when" is {@link Joiner#allUntil}.
 *
 * <p><b>What differs.</b> A failure prints as the exception itself, not as a Failure wrapping it.
 *
 * <p><b>Threading:</b> the subtasks on virtual threads; the caller's thread is the scope's owner
 * and joins and closes it before it returns.
 */
public final class DeferredList5Loom extends LoomTwin {

    public DeferredList5Loom() {
        super("deferred-list-5", 18, "a failed subtask shows as (false, exception); awaitAll() never fails");
    }

    @Override
    public void run(PrintStream out) throws InterruptedException {
        BReply<String> d1 = new BReply<>();
        BReply<String> d2 = new BReply<>();
        try (var scope = StructuredTaskScope.open(Joiner.<String>awaitAll())) {
            var subtasks = List.of(scope.fork(d1::await), scope.fork(d2::await));
            out.println("Firing d1.");
            d1.give("d1 result");
            out.println("Firing d2 with errback.");
            d2.fail(new Exception("d2 failure"));
            scope.join();
            out.println("We got: " + BOutcomes.format(subtasks));
        }
    }
}
