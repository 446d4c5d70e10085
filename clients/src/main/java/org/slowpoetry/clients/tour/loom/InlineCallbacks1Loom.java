package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.StructuredTaskScope;

/**
 * {@code inline-callbacks-1-loom}, the twin of {@code inline-callbacks-1} (Part 17): what
 * {@code inlineCallbacks} builds out of a generator and a reactor is, on Loom, just code on a
 * virtual thread. A value already there is a plain value; a wait is a blocking call
 * ({@link Thread#sleep} here, a socket read in a client), during which the virtual thread parks and
 * its carrier runs other work; a failure is an exception thrown by the call, caught with an
 * ordinary {@code try}. No {@code await}, no decorator, no Deferred.
 *
 * <p>The delays are the original's (0.5 s each).
 *
 * <p><b>Threading:</b> the body runs on a virtual thread forked in a {@link StructuredTaskScope};
 * {@code run} joins and closes the scope before it returns.
 */
public final class InlineCallbacks1Loom extends LoomTwin {

    private static final Duration DELAY = Duration.ofMillis(500);

    public InlineCallbacks1Loom() {
        super("inline-callbacks-1", 17, "inline callbacks are just code on a virtual thread: it parks in each wait (1 s)");
    }

    @Override
    public void run(PrintStream out) throws InterruptedException {
        try (var scope = StructuredTaskScope.open()) {
            scope.fork(() -> myCallbacks(out));
            scope.join();
        }
    }

    /** The original's body, without the machinery; its value is the last result. */
    private static Object myCallbacks(PrintStream out) throws InterruptedException {
        out.println("first callback");
        Object result = 1; // a value already there: nothing to wait for

        out.println("second callback got " + result);
        result = twoLater(); // parks here half a second; the carrier is free

        out.println("third callback got " + result);
        try {
            failLater();
        } catch (Exception e) {
            result = e;
        }

        out.println("fourth callback got " + result);
        return result;
    }

    /** A value that takes half a second to come. */
    private static int twoLater() throws InterruptedException {
        Thread.sleep(DELAY);
        return 2;
    }

    /** A call that fails after half a second. */
    private static void failLater() throws Exception {
        Thread.sleep(DELAY);
        throw new Exception("3");
    }
}
