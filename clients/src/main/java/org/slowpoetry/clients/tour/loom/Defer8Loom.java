package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Subtask;

/**
 * {@code defer-8-loom}, the Loom twin of {@code defer-8} (Part 7): a result that comes from
 * elsewhere, handled on either line. In the original the reactor fires the Deferred once it runs,
 * and the callback and the errback must each stop the reactor, the same line twice. Here the poem
 * comes from a subtask on a virtual thread; the callback is the code after {@code join()}, the
 * errback the {@code catch}; and what both had to stop, the scope, is closed by the
 * try-with-resources on either path. The duplicate that defer-9 refactors away never appears.
 *
 * <p>(As in the original, the apology goes to the example's one output, not to standard error.)
 *
 * <p><b>Threading:</b> {@link #run} owns the scope; the poem comes from a virtual thread of it,
 * which has ended when {@code run} returns.
 */
public final class Defer8Loom extends LoomTwin {

    public Defer8Loom() {
        super("defer-8", 7, "a result from another thread; try-with-resources closes the scope on both paths");
    }

    @Override
    public void run(PrintStream out) throws InterruptedException {
        try (var scope = StructuredTaskScope.open()) {
            Subtask<String> download = scope.fork(Defer8Loom::downloadPoem);
            scope.join();
            out.println(download.get());
        } catch (StructuredTaskScope.FailedException err) {
            out.println("poem download failed");
            out.println("I am terribly sorry");
            out.println("try again later?");
        } // either way, the scope is closed here: its thread has ended
    }

    /** The work whose result the original's reactor delivers. */
    private static String downloadPoem() {
        return "Another short poem.";
    }
}
