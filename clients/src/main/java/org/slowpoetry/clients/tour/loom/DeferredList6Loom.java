package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.FailedException;
import java.util.concurrent.StructuredTaskScope.Joiner;

/**
 * {@code deferred-list-6-loom}, the twin of {@code deferred-list-6} (Part 18): what becomes of a
 * failure nobody handles.
 *
 * <p><b>What differs.</b> Without {@code consumeErrors}, the original's failed Deferred keeps its
 * failure as unhandled, and Twisted reports it when the Deferred is garbage collected. A subtask
 * has no such report: its exception is its outcome, there for the owner to read, and if the owner
 * never reads it, it is dropped with the subtask, silently. So the twin prints no "Unhandled error"
 * report, says so, and shows the Loom way not to let a failure pass unseen: the joiner
 * {@link Joiner#awaitAllSuccessfulOrThrow()}, with which {@code join()} throws it (and the first
 * failure cancels the other subtasks, as {@code fireOnOneErrback} would).
 *
 * <p><b>Threading:</b> the subtasks on virtual threads; the caller's thread is the owner of both
 * scopes and joins and closes each before it returns.
 */
public final class DeferredList6Loom extends LoomTwin {

    public DeferredList6Loom() {
        super("deferred-list-6", 18, "no unhandled-error report for a failed subtask; awaitAllSuccessfulOrThrow throws it");
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
        out.println("No \"Unhandled error\" report follows: a subtask's exception is its outcome, and");
        out.println("one nobody reads is dropped silently. A joiner that will not let it pass:");

        BReply<String> again = new BReply<>();
        try (var scope = StructuredTaskScope.open(Joiner.<String>awaitAllSuccessfulOrThrow())) {
            scope.fork(again::await);
            out.println("Firing d2 with errback, in a scope with awaitAllSuccessfulOrThrow().");
            again.fail(new Exception("d2 failure"));
            scope.join();
        } catch (FailedException e) {
            out.println("join() threw: " + e.getCause());
        }
    }
}
