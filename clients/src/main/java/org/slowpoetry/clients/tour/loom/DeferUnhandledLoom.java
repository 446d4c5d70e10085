package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;
import java.util.concurrent.StructuredTaskScope;

/**
 * {@code defer-unhandled-loom}, the Loom twin of {@code defer-unhandled} (Part 9): the step after
 * the result throws, and nobody handles it. In the original the Deferred swallows the exception
 * and holds it as a Failure; the program goes on and prints "Finished", and only when the
 * Deferred is garbage collected, later, is the error reported, far from where it happened.
 *
 * <p><b>What differs.</b> In a scope an exception nobody handles cannot be left behind: the
 * subtask's exception makes {@code join()} throw at once, in the owner, as the cause of a
 * {@link StructuredTaskScope.FailedException}; and since the program has no {@code catch} for it,
 * it escapes, and the program ends there. So there is no "Finished" and nothing for a garbage
 * collector to report. The twin prints what {@code java} prints when {@code main} lets an
 * exception escape (it cannot really let it escape: {@code tour} runs every example in one JVM),
 * and then says what did not happen.
 *
 * <p><b>Threading:</b> the program owns its scope; the step runs on a virtual thread of it, which
 * has ended when {@code run} returns.
 */
public final class DeferUnhandledLoom extends LoomTwin {

    public DeferUnhandledLoom() {
        super("defer-unhandled", 9, "an exception nobody catches: join() throws it at once, no report at GC");
    }

    @Override
    public void run(PrintStream out) throws InterruptedException {
        try {
            program(out);
        } catch (StructuredTaskScope.FailedException e) { // the end of the program
            out.print("Exception in thread \"main\" ");
            e.printStackTrace(out);
        }
        out.println("(No \"Finished\", and no report when anything is collected: join() threw at once.)");
    }

    /** The text's program, with no handler for the step's exception. */
    private static void program(PrintStream out) throws InterruptedException {
        try (var scope = StructuredTaskScope.open()) {
            scope.fork(() -> callback("Here is your result."));
            scope.join(); // throws FailedException: the step failed
            out.println("Finished");
        }
    }

    private static Void callback(String res) throws Exception {
        throw new Exception("oops");
    }
}
