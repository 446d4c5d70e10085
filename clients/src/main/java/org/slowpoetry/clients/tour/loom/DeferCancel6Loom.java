package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;

/**
 * {@code defer-cancel-6-loom}, the twin of {@code defer-cancel-6} (Part 19): the code below's
 * canceller may answer the call itself, by returning a result from its {@code catch}; then the
 * code above gets that result, not an exception. Swallowing an interrupt, Java code sets the
 * thread's interrupt status again, so that the cancel is not lost on the code above.
 *
 * <p>The same outcome as the original's, in the chain on one thread. (A subtask of a
 * {@code StructuredTaskScope} could not do this: once the scope is cancelled, what a subtask
 * returns is dropped.)
 *
 * <p><b>Threading:</b> the chain runs on a virtual thread ({@link BChain}) that {@code run}
 * cancels and joins before it returns
 * ({@code DeferCancel5Loom.cancelWhileWaiting}).
 */
public final class DeferCancel6Loom extends LoomTwin {

    public DeferCancel6Loom() {
        super("defer-cancel-6", 19, "the canceller may return a result of its choosing from its catch");
    }

    @Override
    public void run(PrintStream out) throws InterruptedException {
        DeferCancel5Loom.cancelWhileWaiting(name(), poem -> getPoem(poem, out), out);
    }

    /** The code below: waits for the poem; its catch, the canceller, answers instead. */
    private static String getPoem(BReply<String> poem, PrintStream out) throws Exception {
        try {
            return poem.await();
        } catch (InterruptedException cancelled) {
            out.println("I need to cancel this call: " + Thread.currentThread());
            out.println("Returning a result instead");
            Thread.currentThread().interrupt(); // still cancelled, for whoever asks
            return "result";
        }
    }
}
