package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;

/**
 * {@code defer-11-loom}, the twin of {@code defer-11} (Part 14). A result that is already there is
 * a plain value: the code that uses it is the next statement and runs at once. No wrapper is
 * needed for it ({@code Deferred.succeed} and {@code maybeDeferred} have nothing to do in Loom
 * code, which calls a method and gets its value, whether it had to wait for it or not). And a
 * chain held back before it may use its value, as {@code pause()} holds a Deferred, is a thread
 * parked until it is let go.
 *
 * <p><b>What differs.</b> No callbacks are added: they are the code that follows, written before
 * it runs; so the lines say "calling" where the original says "adding". The pause is a virtual
 * thread parked on a gate, where the original's Deferred merely keeps its callbacks in a list.
 *
 * <p><b>Threading:</b> the first half runs on the caller's thread; the paused chain on a virtual
 * thread ({@link BChain}) that {@code run} joins before it returns.
 */
public final class Defer11Loom extends LoomTwin {

    public Defer11Loom() {
        super("defer-11", 14, "a result already there is a plain value (no succeed); a pause is a parked thread");
    }

    @Override
    public void run(PrintStream out) throws Exception {
        out.println("A value may be there before any code uses it.");
        out.println();
        out.println("Having the value.");
        int res = 0;

        out.println("Calling the first callback.");
        res = callback1(res, out);
        out.println("Calling the second callback.");
        res = callback2(res, out);
        out.println("Calling the third callback.");
        callback3(res, out);

        out.println();
        out.println("It was a plain value, so each callback ran as it was called: no Deferred, no");
        out.println("succeed(). Now a chain that is held back before it may use its value:");
        out.println();
        BReply<Void> gate = new BReply<>();
        out.println("Starting the chain with its value; it parks at the gate.");
        try (var chain = BChain.start(name(), out, () -> {
            int value = 0;
            gate.await(); // the pause: a parked virtual thread
            callback3(callback2(callback1(value, out), out), out);
        })) {
            gate.awaitWaiter(BReply.LIMIT);
            out.println("Opening the gate.");
            gate.give(null);
        }
    }

    private static int callback1(int res, PrintStream out) {
        out.println("callback_1 got " + res);
        return 1;
    }

    private static int callback2(int res, PrintStream out) {
        out.println("callback_2 got " + res);
        return 2;
    }

    private static int callback3(int res, PrintStream out) {
        out.println("callback_3 got " + res);
        return 3;
    }
}
