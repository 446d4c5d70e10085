package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;

/**
 * {@code defer-cancel-4-loom}, the twin of {@code defer-cancel-4} (Part 19): an answer that comes
 * after the waiting code was cancelled finds nobody waiting, and is dropped; giving it throws
 * nothing, so the code below need know nothing of the cancel.
 *
 * <p><b>What differs.</b> The exception caught is {@code InterruptedException}, not a
 * CancelledException inside a Failure.
 *
 * <p><b>Threading:</b> the chain runs on a virtual thread ({@link BChain}) that {@code run}
 * cancels and joins before it returns.
 */
public final class DeferCancel4Loom extends LoomTwin {

    public DeferCancel4Loom() {
        super("defer-cancel-4", 19, "an answer after the cancel: nobody waits for it, it is dropped, nothing throws");
    }

    @Override
    public void run(PrintStream out) throws InterruptedException {
        BReply<String> poem = new BReply<>();
        try (var chain = BChain.start(name(), out, BChain.callbacks(poem::await, out))) {
            chain.cancelWhenWaiting(poem);
            chain.join();
            poem.give("result"); // the code below answers anyway; no one takes it
        }
        out.println("done");
    }
}
