package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;
import java.util.concurrent.StructuredTaskScope;

/**
 * {@code defer-2-loom}, the Loom twin of {@code defer-2} (Part 7): the other line. The original
 * fires its Deferred with a Failure, and the errback runs; here the subtask throws, so
 * {@code join()} throws {@link StructuredTaskScope.FailedException}, and the errback is its
 * {@code catch}. The code that would print the poem, the callback, is skipped, as a callback is.
 *
 * <p><b>Threading:</b> {@link #run} owns the scope; the subtask runs on a virtual thread of it,
 * which has ended when {@code run} returns.
 */
public final class Defer2Loom extends LoomTwin {

    public Defer2Loom() {
        super("defer-2", 7, "errback -> catch: the subtask throws, join() throws, the catch runs");
    }

    @Override
    public void run(PrintStream out) throws InterruptedException {
        try (var scope = StructuredTaskScope.open()) {
            var poem = scope.<String>fork(() -> {
                throw new Exception("I have failed."); // the twin of d.errback(...)
            });
            scope.join();
            out.println("Your poem is served:"); // skipped: join() threw
            out.println(poem.get());
        } catch (StructuredTaskScope.FailedException e) {
            out.println("No poetry for you.");
        }
        out.println("Finished");
    }
}
