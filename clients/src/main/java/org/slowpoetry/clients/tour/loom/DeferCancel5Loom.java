package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;

/**
 * {@code defer-cancel-5-loom}, the twin of {@code defer-cancel-5} (Part 19): the canceller is the
 * {@code catch (InterruptedException)} of the code below, the one code that knows how to stop its
 * work (close the socket, cancel the timer). The interrupt reaches it first, where the thread is
 * parked; it cleans up and rethrows, as Java code must, and the code above catches what it
 * rethrew: its errback. Where the original prints the Deferred, the twin prints the thread being
 * cancelled.
 *
 * <p><b>What differs.</b> The exception is {@code InterruptedException}, not a CancelledException
 * inside a Failure.
 *
 * <p><b>Threading:</b> the chain runs on a virtual thread ({@link BChain}) that {@code run}
 * cancels and joins before it returns.
 */
public final class DeferCancel5Loom extends LoomTwin {

    public DeferCancel5Loom() {
        super("defer-cancel-5", 19, "the canceller is the code below's catch: it runs first, then rethrows");
    }

    /** The code below: a call that waits for {@code poem}, with its canceller. */
    @FunctionalInterface
    interface GetPoem {
        String call(BReply<String> poem) throws Exception;
    }

    @Override
    public void run(PrintStream out) throws InterruptedException {
        cancelWhileWaiting(name(), poem -> getPoem(poem, out), out);
    }

    /**
     * The program of defer-cancel-5 to -7: the code above calls {@code getPoem} with callbacks and
     * cancels it while it waits. (defer-cancel-6-loom and -7-loom use it with their cancellers.)
     */
    static void cancelWhileWaiting(String name, GetPoem getPoem, PrintStream out) throws InterruptedException {
        BReply<String> poem = new BReply<>();
        try (var chain = BChain.start(name, out, BChain.callbacks(() -> getPoem.call(poem), out))) {
            chain.cancelWhenWaiting(poem);
        }
        out.println("done");
    }

    /** The code below: waits for the poem; its catch is the canceller. (defer-cancel-8-loom's too.) */
    static String getPoem(BReply<String> poem, PrintStream out) throws Exception {
        try {
            return poem.await();
        } catch (InterruptedException cancelled) {
            out.println("I need to cancel this call: " + Thread.currentThread());
            throw cancelled;
        }
    }
}
