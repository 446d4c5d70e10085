package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Joiner;
import java.util.concurrent.StructuredTaskScope.Subtask;

/**
 * {@code deferred-list-1-loom}, the twin of {@code deferred-list-1} (Part 18): a
 * {@code DeferredList} is a {@link StructuredTaskScope}; its list of results is the list of
 * subtasks, read after {@code join()}. With nothing forked, {@code join()} returns at once and the
 * list is empty. {@link Joiner#awaitAll()} is the joiner of a plain DeferredList: it waits for all
 * and never fails.
 *
 * <p><b>What differs.</b> No callback is added: the code after {@code join()} is what the callback
 * was, so the twin says "Joining." where the original says "Adding Callback.".
 *
 * <p><b>Threading:</b> runs on the caller's thread, the scope's owner.
 */
public final class DeferredList1Loom extends LoomTwin {

    public DeferredList1Loom() {
        super("deferred-list-1", 18, "a scope with nothing forked joins at once, with no subtasks");
    }

    @Override
    public void run(PrintStream out) throws InterruptedException {
        out.println("Empty List.");
        List<Subtask<String>> subtasks = List.of();
        try (var scope = StructuredTaskScope.open(Joiner.<String>awaitAll())) {
            out.println("Joining.");
            scope.join();
        }
        out.println("We got: " + BOutcomes.format(subtasks));
    }
}
