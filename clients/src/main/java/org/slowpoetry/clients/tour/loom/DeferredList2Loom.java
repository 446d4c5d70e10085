package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Joiner;

/**
 * {@code deferred-list-2-loom}, the twin of {@code deferred-list-2} (Part 18): one subtask,
 * forked into a scope with {@link Joiner#awaitAll()}; it waits for its answer ({@link BReply},
 * standing in for the network), and {@code join()} returns once it has. Its outcome is read from
 * the subtask: {@code (true, d1 result)}.
 *
 * <p><b>What differs.</b> The twin's main thread gives the answer before it joins, since it is
 * both the scope's owner (who waits in {@code join()}) and the stand-in for the network; and the
 * code after {@code join()} is the callback, so it says "Joining." where the original says
 * "Adding Callback." (before the firing).
 *
 * <p><b>Threading:</b> the subtask on a virtual thread; the caller's thread is the scope's owner
 * and joins and closes it before it returns.
 */
public final class DeferredList2Loom extends LoomTwin {

    public DeferredList2Loom() {
        super("deferred-list-2", 18, "a scope of one subtask joins when it ends, with [(true, result)]");
    }

    @Override
    public void run(PrintStream out) throws InterruptedException {
        out.println("One subtask.");
        BReply<String> d1 = new BReply<>();
        try (var scope = StructuredTaskScope.open(Joiner.<String>awaitAll())) {
            var s1 = scope.fork(d1::await);
            out.println("Firing d1.");
            d1.give("d1 result");
            out.println("Joining.");
            scope.join();
            out.println("We got: " + BOutcomes.format(List.of(s1)));
        }
    }
}
