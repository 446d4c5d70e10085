package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;

/**
 * {@code defer-11-fail-loom}, the twin of {@code defer-11-fail} (Part 14, exercise 1). A failure
 * is an exception: thrown at once, caught by the nearest {@code catch} out. An errback that passes
 * the failure on is a {@code catch} that rethrows; one that handles it is a {@code catch} that
 * returns a value, after which the code goes on. {@code Deferred.fail(error)} needs no twin: a
 * method that knows at once it must fail just throws, as one that knows its result returns it.
 *
 * <p><b>What differs.</b> There is nothing to add errbacks to: the {@code catch} blocks are
 * written around the call, before it fails, so the lines say what is thrown and called rather than
 * what is added. A failure prints as the exception itself, not as a Failure wrapping it.
 *
 * <p><b>Threading:</b> runs on the caller's thread.
 */
public final class Defer11FailLoom extends LoomTwin {

    public Defer11FailLoom() {
        super("defer-11-fail", 14, "a failure is an exception: catch blocks pass it on or handle it; no fail() needed");
    }

    @Override
    public void run(PrintStream out) {
        out.println("A failure is an exception, thrown at once to the nearest catch.");
        out.println();
        out.println("Throwing the exception.");
        int res;
        try {
            try {
                try {
                    res = fetchPoem();
                } catch (Exception err) {
                    out.println("errback_1 got " + err + ", passing it on");
                    throw err;
                }
            } catch (Exception err) {
                out.println("errback_2 got " + err + ", passing it on");
                throw err;
            }
        } catch (Exception err) {
            out.println("errback_3 got " + err + ", handling it");
            res = 3;
        }

        out.println();
        out.println("Each catch ran as the exception reached it; passing it on is a rethrow.");
        out.println("Deferred.fail(error) has no twin: a method that knows at once it must fail");
        out.println("throws, as one that knows its result returns it (no succeed either):");
        out.println();
        out.println("Calling callback_1 on the poem, inside the try.");
        try {
            res = callback1(fetchPoem(), out);
        } catch (Exception err) {
            out.println("errback_3 got " + err + ", handling it");
            res = 3;
        }
        out.println("Calling callback_4 after the try.");
        out.println("callback_4 got " + res);

        out.println();
        out.println("callback_1 never ran: the throw skipped it. errback_3's catch handled it");
        out.println("by taking 3, so the code went on after the try, and callback_4");
        out.println("got that 3.");
    }

    /** A poem that fails at once: the twin of {@code Deferred.fail(new Exception("no poem"))}. */
    private static int fetchPoem() throws Exception {
        throw new Exception("no poem");
    }

    private static int callback1(int res, PrintStream out) {
        out.println("callback_1 got " + res);
        return 1;
    }
}
