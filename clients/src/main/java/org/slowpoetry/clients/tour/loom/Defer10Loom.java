package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;

/**
 * {@code defer-10-loom}, the twin of {@code defer-10} (Part 13): a callback that returns a Deferred
 * is, in Loom code, a call that blocks. A chain of callbacks is a chain of plain calls; where the
 * second one must wait for an answer, it simply waits, and the third runs when it returns.
 *
 * <p><b>What differs.</b> The original's outer Deferred stops running its chain and no thread
 * waits. Here a thread does wait: the chain's virtual thread parks inside callback_2, keeping its
 * place in the code on its own stack, and its carrier is free for other work meanwhile. So the
 * twin's explanation says "parked", where the original says "no thread waits".
 *
 * <p><b>Threading:</b> the first chain runs on the caller's thread; the second on a virtual
 * thread ({@link BChain}) that {@code run} joins before it returns.
 */
public final class Defer10Loom extends LoomTwin {

    public Defer10Loom() {
        super("defer-10", 13, "a callback that returns a Deferred is a blocking call: the virtual thread parks in it");
    }

    @Override
    public void run(PrintStream out) throws Exception {
        out.println("Three callbacks that print what they get and return a plain value:");
        callback3(callback2(callback1(0, out), out), out);

        // The answer the blocking call waits for; the network would give it in a real program.
        BReply<Integer> inner = new BReply<>();

        out.println();
        out.println("The same, but the second callback makes a blocking call that has no answer yet:");
        try (var chain = BChain.start(name(), out, () -> callback3(callback2Blocking(callback1(0, out), inner, out), out))) {
            inner.awaitWaiter(BReply.LIMIT);

            out.println();
            out.println("No callback_3: the chain is parked in callback_2's blocking call. A virtual");
            out.println("thread waits there, off its carrier, holding its place. Now the answer comes:");
            inner.give(2);
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

    /** callback_2, but its result comes from a call that blocks until the answer is there. */
    private static int callback2Blocking(int res, BReply<Integer> inner, PrintStream out) throws Exception {
        out.println("callback_2 got " + res);
        return inner.await();
    }

    private static int callback3(int res, PrintStream out) {
        out.println("callback_3 got " + res);
        return 3;
    }
}
