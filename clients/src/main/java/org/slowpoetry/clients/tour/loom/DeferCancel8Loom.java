package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;

/**
 * {@code defer-cancel-8-loom}, the twin of {@code defer-cancel-8} (Part 19): once the call has
 * returned, its canceller, the {@code catch} around the blocking call, is no longer on the
 * thread's stack, so a cancel cannot reach it: there is nothing left to cancel. Here the thread
 * has even ended, and the interrupt does nothing at all. The code below is defer-cancel-5-loom's.
 *
 * <p><b>Threading:</b> the chain runs on a virtual thread ({@link BChain}) that {@code run} joins
 * before it returns.
 */
public final class DeferCancel8Loom extends LoomTwin {

    public DeferCancel8Loom() {
        super("defer-cancel-8", 19, "cancel after the call returned: its catch is off the stack, nothing runs");
    }

    @Override
    public void run(PrintStream out) throws InterruptedException {
        BReply<String> poem = new BReply<>();
        try (var chain = BChain.start(name(), out, BChain.callbacks(() -> DeferCancel5Loom.getPoem(poem, out), out))) {
            poem.give("result");
            chain.join();
            chain.cancel();
        }
        out.println("done");
    }
}
