package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Subtask;

/**
 * {@code defer-1-loom}, the Loom twin of {@code defer-1} (Part 7): a result and the code that
 * handles it. The original fires a Deferred with the poem, and its callback prints it; here the
 * poem is the return value of a subtask, and the callback is simply the code after {@code join()},
 * reading it with {@link Subtask#get()}. The errback, which this run does not reach, is the
 * {@code catch} for {@link StructuredTaskScope.FailedException}.
 *
 * <p><b>Threading:</b> {@link #run} owns the scope; the poem is made on a virtual thread of it,
 * which has ended when {@code run} returns; the poem is printed on the owner's thread.
 */
public final class Defer1Loom extends LoomTwin {

    public Defer1Loom() {
        super("defer-1", 7, "callback -> the code after join(), reading the subtask's return value");
    }

    @Override
    public void run(PrintStream out) throws InterruptedException {
        try (var scope = StructuredTaskScope.open()) {
            Subtask<String> poem = scope.fork(() -> "This poem is short."); // the twin of d.callback(...)
            scope.join();
            out.println("Your poem is served:");
            out.println(poem.get());
        } catch (StructuredTaskScope.FailedException e) {
            out.println("No poetry for you.");
        }
        out.println("Finished");
    }
}
