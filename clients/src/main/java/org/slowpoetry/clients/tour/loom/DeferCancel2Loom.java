package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;

/**
 * {@code defer-cancel-2-loom}, the twin of {@code defer-cancel-2} (Part 19): the cancel, an
 * interrupt, comes out of the blocking call as an {@link InterruptedException}, caught like any
 * other exception by the {@code catch} around the call: the errback.
 *
 * <p><b>What differs.</b> The exception is {@code InterruptedException}, not a CancelledException
 * inside a Failure.
 *
 * <p><b>Threading:</b> the chain runs on a virtual thread ({@link BChain}) that {@code run}
 * cancels and joins before it returns.
 */
public final class DeferCancel2Loom extends LoomTwin {

    public DeferCancel2Loom() {
        super("defer-cancel-2", 19, "cancel with a catch: it gets the InterruptedException like any exception");
    }

    @Override
    public void run(PrintStream out) throws InterruptedException {
        BReply<String> poem = new BReply<>();
        try (var chain = BChain.start(name(), out, BChain.callbacks(poem::await, out))) {
            chain.cancelWhenWaiting(poem);
        }
        out.println("done");
    }
}
