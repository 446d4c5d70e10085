package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import org.slowpoetry.defer.Callback;
import org.slowpoetry.defer.Deferred;

/**
 * {@code defer-block}, after the text's {@code twisted-deferred/defer-block.py} (Part 8): a
 * Deferred whose middle callback blocks, writing a little verse a word at a time with
 * {@link Thread#sleep} in between. Firing the Deferred blocks for just as long: "Firing finished."
 * comes last. A Deferred organizes callbacks; it does not make a blocking one non-blocking.
 *
 * <p>The verse is our own, and the pauses are a tenth of the text's (1.2 s in all, not 12).
 *
 * <p><b>Threading:</b> runs on the caller's thread, which the blocking callback blocks.
 */
public final class DeferBlock extends Example {

    public DeferBlock() {
        super("defer-block", 8, "a blocking callback blocks the Deferred, and whoever fired it (1.2 s)");
    }

    @Override
    public void run(PrintStream out) {
        Callback<Object, Void> startChain = ignored -> {
            out.println("The start of the callback chain.");
            return null;
        };
        Callback<Object, Void> blockingPoem = ignored -> {
            delayedWrite(out, "\n", 0);
            delayedWrite(out, "I", 60);
            delayedWrite(out, " sleep", 40);
            delayedWrite(out, "\n  and the", 100);
            delayedWrite(out, " chain", 60);
            delayedWrite(out, "\n  sleeps", 150);
            delayedWrite(out, " too", 20);
            delayedWrite(out, "\nthe reactor", 100);
            delayedWrite(out, "\n  waits", 100);
            delayedWrite(out, " on me", 60);
            delayedWrite(out, "\nnothing", 100);
            delayedWrite(out, " moves", 40);
            delayedWrite(out, "\n  till I", 100);
            delayedWrite(out, " am through", 40);
            delayedWrite(out, "\n\n", 200);
            return null;
        };
        Callback<Object, Void> endChain = ignored -> {
            out.println("The end of the callback chain.");
            return null;
        };

        Deferred<Boolean> d = new Deferred<>();
        d.addCallback(startChain);
        d.addCallback(blockingPoem);
        d.addCallback(endChain);

        out.println("Firing deferred.");
        d.callback(true);
        out.println("Firing finished.");
    }

    /** Sleeps (blocks!) for {@code millis}, then writes {@code s}. */
    private static void delayedWrite(PrintStream out, String s, long millis) throws InterruptedException {
        Thread.sleep(millis);
        out.print(s);
        out.flush();
    }
}
