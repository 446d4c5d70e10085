package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;
import java.util.concurrent.StructuredTaskScope;

/**
 * {@code hello-loom}, the Loom twin of {@code hello} (Part 3): our first code on a virtual thread.
 * {@code callWhenRunning} hands the reactor a function to call once its loop runs; here we fork
 * the function into a scope, and a new virtual thread runs it.
 *
 * <p><b>What differs.</b> After the hello the text's reactor has nothing left to do and is stuck
 * until Control-C, and the original stops it with a {@code callLater}. A virtual thread is not a
 * loop waiting for work: it ends when its code returns, and the owner's {@code join()} returns
 * with it. Nothing is stuck, so the twin prints that instead of the original's last line, and
 * "Hello from a virtual thread!" instead of "from the reactor loop!".
 *
 * <p><b>Threading:</b> {@link #run} owns the scope; the hello runs on a virtual thread of it,
 * which has ended when {@code run} returns.
 */
public final class HelloLoom extends LoomTwin {

    public HelloLoom() {
        super("hello", 3, "callWhenRunning -> fork: a virtual thread runs our code, and ends when it returns");
    }

    @Override
    public void run(PrintStream out) throws InterruptedException {
        out.println("Starting a virtual thread.");
        try (var scope = StructuredTaskScope.open()) {
            scope.fork(() -> hello(out)); // a new virtual thread calls our code
            scope.join();
        }
        out.println("(Nothing is stuck here: the thread ended when our code returned, and join() with it.)");
    }

    private static void hello(PrintStream out) {
        out.println("Hello from a virtual thread!");
        out.println("Lately I feel like I'm stuck in a rut.");
    }
}
