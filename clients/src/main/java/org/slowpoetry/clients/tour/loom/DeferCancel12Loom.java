package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;

/**
 * {@code defer-cancel-12-loom}, the twin of {@code defer-cancel-12} (Part 19): the outer call has
 * returned its result and the chain has gone on into the inner call, where it is parked. A cancel
 * interrupts the thread, and the interrupt lands where the thread is: in the inner call, whose
 * canceller (its {@code catch}) runs and rethrows; the exception goes up the stack to the outer
 * errback. The outer call's canceller does not run, because the outer call is no longer on the
 * stack. What the original builds with a rule (a fired Deferred paused on another cancels that
 * one), the stack gives for free.
 *
 * <p><b>What differs.</b> The exception is {@code InterruptedException}, not a CancelledException
 * inside a Failure; the lines say "calling the inner operation" where the original returns an
 * inner Deferred.
 *
 * <p><b>Threading:</b> the chain runs on a virtual thread ({@link BChain}) that {@code run}
 * cancels and joins before it returns.
 */
public final class DeferCancel12Loom extends LoomTwin {

    public DeferCancel12Loom() {
        super("defer-cancel-12", 19, "cancel a chain parked in an inner call: the interrupt lands in the inner call");
    }

    @Override
    public void run(PrintStream out) throws InterruptedException {
        BReply<String> outerReply = new BReply<>();
        BReply<String> innerReply = new BReply<>();
        outerReply.give("result"); // the outer operation has its result already

        try (var chain = BChain.start(name(), out, () -> {
            try {
                String res = call(outerReply, "outer cancel callback.", out);
                out.println("first outer callback, calling the inner operation");
                res = call(innerReply, "inner cancel callback.", out);
                out.println("second outer callback got: " + res);
            } catch (InterruptedException err) {
                out.println("outer errback got: " + err);
            }
        })) {
            innerReply.awaitWaiter(BReply.LIMIT);
            out.println("canceling the chain.");
            chain.cancel();
        }
        out.println("done");
    }

    /** An operation: waits for its reply; its catch is its canceller, which prints and rethrows. */
    private static String call(BReply<String> reply, String cancelled, PrintStream out) throws Exception {
        try {
            return reply.await();
        } catch (InterruptedException e) {
            out.println(cancelled);
            throw e;
        }
    }
}
