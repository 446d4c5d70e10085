package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Joiner;

/**
 * {@code deferred-list-3-loom}, the twin of {@code deferred-list-3} (Part 18): two subtasks in a
 * scope with {@link Joiner#awaitAll()}; {@code join()} returns once both have ended.
 *
 * <p><b>What differs.</b> As in {@link DeferredList2Loom}: the answers are given before the owner
 * joins, and it says "Joining." where the original says "Adding Callback.".
 *
 * <p><b>Threading:</b> the subtasks on virtual threads; the caller's thread is the scope's owner
 * and joins and closes it before it returns.
 */
public final class DeferredList3Loom extends LoomTwin {

    public DeferredList3Loom() {
        super("deferred-list-3", 18, "a scope of two subtasks joins once both have ended");
    }

    @Override
    public void run(PrintStream out) throws InterruptedException {
        out.println("Two subtasks.");
        BReply<String> d1 = new BReply<>();
        BReply<String> d2 = new BReply<>();
        try (var scope = StructuredTaskScope.open(Joiner.<String>awaitAll())) {
            var subtasks = List.of(scope.fork(d1::await), scope.fork(d2::await));
            out.println("Firing d1.");
            d1.give("d1 result");
            out.println("Firing d2.");
            d2.give("d2 result");
            out.println("Joining.");
            scope.join();
            out.println("We got: " + BOutcomes.format(subtasks));
        }
    }
}
