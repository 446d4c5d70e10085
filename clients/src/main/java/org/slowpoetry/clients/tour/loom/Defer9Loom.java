package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Subtask;

/**
 * {@code defer-9-loom}, the Loom twin of {@code defer-9} (Part 7): a stage that runs whichever way
 * the first one went. The original adds it with {@code addBoth}; its Loom form is {@code finally}.
 * Here the {@code finally} closes the scope, the one thing left to do after either line, as the
 * original's stops the reactor.
 *
 * <p>Loom code writes this {@code finally} as a try-with-resources, which is exactly this
 * {@code try}/{@code catch}/{@code finally} with {@code close()} in the {@code finally} (see
 * {@code defer-8-loom}); it is spelled out here so that the {@code addBoth} stage can be seen.
 *
 * <p><b>Threading:</b> {@link #run} owns the scope; the poem comes from a virtual thread of it,
 * which has ended when {@code run} returns.
 */
public final class Defer9Loom extends LoomTwin {

    public Defer9Loom() {
        super("defer-9", 7, "addBoth -> finally, which is where try-with-resources closes the scope");
    }

    @Override
    public void run(PrintStream out) throws InterruptedException {
        var scope = StructuredTaskScope.open();
        try {
            Subtask<String> download = scope.fork(() -> "Another short poem.");
            scope.join();
            out.println(download.get()); // the callback
        } catch (StructuredTaskScope.FailedException err) {
            out.println("poem download failed"); // the errback
            out.println("I am terribly sorry");
            out.println("try again later?");
        } finally {
            scope.close(); // the addBoth stage: runs after either line
        }
    }
}
