package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;
import java.util.concurrent.StructuredTaskScope;

/**
 * {@code defer-3-loom}, the Loom twin of {@code defer-3} (Part 7): what the error handler gets.
 * The original fires with a plain exception, and the Deferred hands its errback the exception
 * wrapped in a {@code Failure}. A scope does the same: the subtask's exception reaches the owner
 * wrapped in a {@link StructuredTaskScope.FailedException}, whose cause is the exception itself.
 *
 * <p><b>What differs.</b> The lines name {@code StructuredTaskScope$FailedException} where the
 * original's name {@code Failure}: the same idea, a wrapper that carries the error to whoever
 * handles it, spelled as the JDK spells it.
 *
 * <p><b>Threading:</b> {@link #run} owns the scope; the subtask runs on a virtual thread of it,
 * which has ended when {@code run} returns.
 */
public final class Defer3Loom extends LoomTwin {

    public Defer3Loom() {
        super("defer-3", 7, "the catch gets the subtask's exception wrapped in a FailedException, as a Failure");
    }

    @Override
    public void run(PrintStream out) throws InterruptedException {
        try (var scope = StructuredTaskScope.open()) {
            var poem = scope.<String>fork(() -> {
                throw new Exception("I have failed."); // a plain exception
            });
            scope.join();
            out.println("Your poem is served:");
            out.println(poem.get());
        } catch (StructuredTaskScope.FailedException err) {
            out.println(err.getClass().getName());
            out.println(err);
            out.println("No poetry for you.");
        }
    }
}
