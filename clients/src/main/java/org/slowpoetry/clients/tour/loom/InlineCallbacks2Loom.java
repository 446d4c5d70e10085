package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Joiner;

/**
 * {@code inline-callbacks-2-loom}, the twin of {@code inline-callbacks-2} (Part 17): two bodies
 * of sequential code, each a subtask of one {@link StructuredTaskScope}. A body's {@code return}
 * is its result and its exception is its failure, plainly, as for any method; the code that
 * handles them ({@code got result} / {@code got error}) is the {@code try} around the call, and
 * "all done" is the code after {@code join()}. The joiner is {@link Joiner#awaitAll()}: a failing
 * body does not cancel the other.
 *
 * <p><b>What differs.</b> The bodies truly run at the same time, on two virtual threads, where
 * the original's take turns on the one reactor thread. Their first lines are printed at the same
 * instant, so their order is not fixed: the expected output accepts either. The later lines are
 * apart in time (0.2 s steps against 0.3 s steps, as in the original) and keep their order.
 *
 * <p><b>Threading:</b> each body on a virtual thread forked in the scope; {@code run} joins and
 * closes it before it returns.
 */
public final class InlineCallbacks2Loom extends LoomTwin {

    private static final Duration SHORT = Duration.ofMillis(200);
    private static final Duration LONGER = Duration.ofMillis(300);

    public InlineCallbacks2Loom() {
        super("inline-callbacks-2", 17, "a body's return and exception are its subtask's outcome; two run at once (0.6 s)");
    }

    @Override
    public void run(PrintStream out) throws InterruptedException {
        try (var scope = StructuredTaskScope.open(Joiner.<Void>awaitAll())) {
            scope.fork(() -> report(() -> myCallbacks1(out), out));
            scope.fork(() -> report(() -> myCallbacksErr(out), out));
            scope.join();
        }
        out.println("all done");
    }

    private static int myCallbacks1(PrintStream out) throws InterruptedException {
        out.println("my_callbacks_1 first callback");
        Thread.sleep(SHORT);

        out.println("my_callbacks_1 second callback");
        Thread.sleep(SHORT);

        out.println("my_callbacks_1 third callback");
        return 1;
    }

    private static int myCallbacksErr(PrintStream out) throws Exception {
        out.println("my_callbacks_err first callback");
        Thread.sleep(LONGER);

        out.println("my_callbacks_err second callback");
        Thread.sleep(LONGER);

        out.println("my_callbacks_err third callback");
        throw new Exception("uh oh");
    }

    /** The original's {@code addCallbacks(got_result, got_error)}: a try around the call. */
    private static void report(Callable<Integer> body, PrintStream out) {
        try {
            out.println("got result: " + body.call());
        } catch (Exception err) {
            out.println("got error: " + err);
        }
    }
}
