package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Joiner;

/**
 * {@code defer-cancel-13-loom}, the twin of {@code defer-cancel-13} (Part 19, exercise 5): the
 * poem's download (0.1 s) and its transform (0.5 s) are two blocking calls, one after the other,
 * in one subtask. The original's {@code callLater} that cancels at 0.3 s is a second subtask, a
 * timer, in the same scope, whose joiner, {@link Joiner#allUntil} with "whichever ends first", cancels
 * the rest when it ends. The cancel interrupts the chain where it is parked, in the transform: the
 * transform's canceller (its {@code catch}) stops it and rethrows, the inner errback sees the
 * exception and passes it on, the outer errback gets it. The download is done and off the stack,
 * so its canceller does not run.
 *
 * <p><b>What differs.</b> The exception is {@code InterruptedException} (from the sleep standing
 * for the transform's work), not a CancelledException inside a Failure. The chain needs no
 * pausing outer Deferred to route the cancel to the inner operation: the interrupt lands where the
 * thread is. The explanation at the end says so.
 *
 * <p>The delays are the original's; the timer is due well before the transform's end, whatever
 * the machine's load, as in the original.
 *
 * <p><b>Threading:</b> the chain and the timer run on virtual threads forked in the scope;
 * {@code run} joins and closes it before it returns.
 */
public final class DeferCancel13Loom extends LoomTwin {

    private static final Duration POEM_DELAY = Duration.ofMillis(100);
    private static final Duration TRANSFORM_DELAY = Duration.ofMillis(500);
    private static final Duration CANCEL_DELAY = Duration.ofMillis(300);

    public DeferCancel13Loom() {
        super("defer-cancel-13", 19, "a timer subtask ends first, the scope cancels the chain parked in its inner call (0.3 s)");
    }

    /** The outer operation: a poem 0.1 s later. Its catch would stop the download. */
    private static String getPoem(PrintStream out) throws InterruptedException {
        try {
            Thread.sleep(POEM_DELAY);
        } catch (InterruptedException e) {
            out.println("outer canceller: stopping the download");
            throw e;
        }
        out.println("poem downloaded");
        return "Once upon a midnight dreary";
    }

    /** The inner operation: the poem in lower case, half a second later. Its catch stops the work. */
    private static String transform(String poem, PrintStream out) throws InterruptedException {
        try {
            Thread.sleep(TRANSFORM_DELAY);
        } catch (InterruptedException e) {
            out.println("inner canceller: stopping the transform");
            throw e;
        }
        out.println("poem transformed");
        return poem.toLowerCase();
    }

    /** The original's outer chain, as the code of one subtask. */
    private static void chain(PrintStream out) {
        try {
            String poem = getPoem(out);
            out.println("outer callback: transforming the poem, calling the inner operation");
            String transformed;
            try {
                transformed = transform(poem, out);
            } catch (InterruptedException err) {
                out.println("inner errback got: " + err);
                throw err; // passed on, to the outer errback
            }
            out.println("outer callback got: " + transformed);
        } catch (InterruptedException err) {
            out.println("outer errback got: " + err);
        }
    }

    @Override
    public void run(PrintStream out) throws InterruptedException {
        out.println("Download at 0.1 s, then a transform due half a second later; cancel at 0.3 s.");
        try (var scope = StructuredTaskScope.open(Joiner.allUntil(whicheverEnds -> true))) {
            scope.fork(() -> chain(out));
            scope.fork(() -> {
                Thread.sleep(CANCEL_DELAY);
                out.println("canceling the chain, parked in the inner call.");
                return null; // ending first, this cancels the scope
            });
            scope.join();
        }
        out.println("scope closed");
        out.println();
        out.println("The download had returned, so its catch was off the stack and did not run:");
        out.println("there was no download left to stop. The interrupt landed where the thread was");
        out.println("parked, in the transform, whose catch stopped it; the exception then went up");
        out.println("the stack to the outer errback. No transformed poem was ever made.");
    }
}
