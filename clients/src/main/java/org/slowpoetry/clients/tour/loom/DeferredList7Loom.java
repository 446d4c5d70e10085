package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Joiner;

/**
 * {@code deferred-list-7-loom}, the twin of {@code deferred-list-7} (Part 18): handling the
 * failure where it happens, with d2's own errback, is a {@code catch} inside d2's subtask.
 *
 * <p><b>What differs.</b> The original's DeferredList still shows d2 as
 * {@code (false, failure)}: it added its callbacks to d2 first, so it saw the failure before d2's
 * own errback handled it. A subtask has one outcome, what its code finally returns or throws, so
 * the {@code catch} inside it comes first: the scope sees d2 succeed with what the catch returned
 * ({@code null}, as the original's errback returns None), and the twin prints {@code (true, null)}
 * and says why.
 *
 * <p><b>Threading:</b> the subtasks on virtual threads; the caller's thread is the scope's owner
 * and joins and closes it before it returns.
 */
public final class DeferredList7Loom extends LoomTwin {

    public DeferredList7Loom() {
        super("deferred-list-7", 18, "a catch inside the failing subtask handles it first: it ends as (true, null)");
    }

    @Override
    public void run(PrintStream out) throws InterruptedException {
        BReply<String> d1 = new BReply<>();
        BReply<String> d2 = new BReply<>();
        try (var scope = StructuredTaskScope.open(Joiner.<String>awaitAll())) {
            var subtasks = List.of(scope.fork(d1::await), scope.fork(() -> {
                try {
                    return d2.await();
                } catch (Exception err) {
                    return null; // handle d2's failure
                }
            }));
            out.println("Firing d1.");
            d1.give("d1 result");
            out.println("Firing d2 with errback.");
            d2.fail(new Exception("d2 failure"));
            scope.join();
            out.println("We got: " + BOutcomes.format(subtasks));
        }
        out.println("d2's own catch handled the failure before the scope saw it: a subtask has");
        out.println("one outcome, what its code finally returns or throws.");
    }
}
