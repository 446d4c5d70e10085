package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;

/**
 * {@code defer-cancel-3-loom}, the twin of {@code defer-cancel-3} (Part 19): cancelling code that
 * has already had its answer, and ended, does nothing: interrupting a thread that has ended has no
 * effect.
 *
 * <p>The same outcome for a different reason: an interrupt cancels what a thread is doing, not a
 * result. Had the chain gone on to another blocking call, the interrupt would have cancelled that.
 *
 * <p><b>Threading:</b> the chain runs on a virtual thread ({@link BChain}) that {@code run} joins
 * before it returns.
 */
public final class DeferCancel3Loom extends LoomTwin {

    public DeferCancel3Loom() {
        super("defer-cancel-3", 19, "cancel after the answer came: the thread has ended, nothing happens");
    }

    @Override
    public void run(PrintStream out) throws InterruptedException {
        BReply<String> poem = new BReply<>();
        try (var chain = BChain.start(name(), out, BChain.callbacks(poem::await, out))) {
            poem.give("result");
            chain.join();
            chain.cancel();
        }
        out.println("done");
    }
}
