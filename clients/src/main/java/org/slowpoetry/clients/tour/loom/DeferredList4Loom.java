package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Joiner;

/**
 * {@code deferred-list-4-loom}, the twin of {@code deferred-list-4} (Part 18): the outcomes come
 * in the order the subtasks were forked, whatever the order they end in. The owner keeps the
 * {@code Subtask}s {@code fork} returned, in its own order, and reads them after {@code join()}.
 *
 * <p><b>What differs.</b> As in {@link DeferredList2Loom}: the answers are given before the owner
 * joins, and it says "Joining." where the original says "Adding Callback.".
 *
 * <p><b>Threading:</b> the subtasks on virtual threads; the caller's thread is the scope's owner
 * and joins and closes it before it returns.
 */
public final class DeferredList4Loom extends LoomTwin {

    public DeferredList4Loom() {
        super("deferred-list-4", 18, "outcomes come in fork order, not the order the subtasks end in");
    }

    @Override
    public void run(PrintStream out) throws InterruptedException {
        out.println("Two subtasks.");
        BReply<String> d1 = new BReply<>();
        BReply<String> d2 = new BReply<>();
        try (var scope = StructuredTaskScope.open(Joiner.<String>awaitAll())) {
            var subtasks = List.of(scope.fork(d1::await), scope.fork(d2::await));
            out.println("Firing d2.");
            d2.give("d2 result");
            out.println("Firing d1.");
            d1.give("d1 result");
            out.println("Joining.");
            scope.join();
            out.println("We got: " + BOutcomes.format(subtasks));
        }
    }
}
