package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;
import java.util.concurrent.StructuredTaskScope;

/**
 * {@code inline-callbacks-tb-loom}, the twin of {@code inline-callbacks-tb} (Part 17): who calls
 * the code of a body? In the original the reactor does, one callback at a time, and the stack
 * shows it. Here the body's stack is its own virtual thread's: the body at the top, under it the
 * scope's subtask runner, and at the bottom the virtual thread's start. Nothing dispatches it:
 * it is called once, like any method, and runs to its end, parking where it waits.
 *
 * <p><b>What differs.</b> There is no loop thread to show, so the twin prints one stack, where
 * the original prints the body's and the loop thread's.
 *
 * <p><b>Threading:</b> the body runs on a virtual thread forked in a {@link StructuredTaskScope};
 * {@code run} joins and closes the scope before it returns.
 */
public final class InlineCallbacksTbLoom extends LoomTwin {

    public InlineCallbacksTbLoom() {
        super("inline-callbacks-tb", 17, "the stack under a body: its own virtual thread, no reactor below it");
    }

    @Override
    public void run(PrintStream out) throws InterruptedException {
        try (var scope = StructuredTaskScope.open()) {
            scope.fork(() -> myCallbacks(out));
            scope.join();
        }
    }

    private static Void myCallbacks(PrintStream out) throws InterruptedException {
        Thread.sleep(1); // a wait, as the original's await: the thread parks, and comes back to this stack

        out.println("The body's own stack, on its virtual thread:");
        new Exception("Stack trace").printStackTrace(out); // Python's traceback.print_stack()
        out.println("No reactor under it: the scope's subtask runner called it, once, at the thread's start.");
        return null;
    }
}
