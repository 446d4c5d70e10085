package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;

/**
 * {@code defer-cancel-7-loom}, the twin of {@code defer-cancel-7} (Part 19): the code below's
 * canceller may end the call with an exception of its own, thrown from its {@code catch}; the
 * code above's errback gets that one instead of the {@link InterruptedException}.
 *
 * <p>The same outcome as the original's. The canceller sets the interrupt status again, as Java
 * code does when it does not pass the {@code InterruptedException} on.
 *
 * <p><b>Threading:</b> the chain runs on a virtual thread ({@link BChain}) that {@code run}
 * cancels and joins before it returns
 * ({@code DeferCancel5Loom.cancelWhileWaiting}).
 */
public final class DeferCancel7Loom extends LoomTwin {

    public DeferCancel7Loom() {
        super("defer-cancel-7", 19, "the canceller may throw an exception of its choosing from its catch");
    }

    @Override
    public void run(PrintStream out) throws InterruptedException {
        DeferCancel5Loom.cancelWhileWaiting(name(), poem -> getPoem(poem, out), out);
    }

    /** The code below: waits for the poem; its catch, the canceller, throws an error of its own. */
    private static String getPoem(BReply<String> poem, PrintStream out) throws Exception {
        try {
            return poem.await();
        } catch (InterruptedException cancelled) {
            out.println("I need to cancel this call: " + Thread.currentThread());
            out.println("Throwing an error instead");
            Thread.currentThread().interrupt(); // still cancelled, for whoever asks
            throw new Exception("error!");
        }
    }
}
