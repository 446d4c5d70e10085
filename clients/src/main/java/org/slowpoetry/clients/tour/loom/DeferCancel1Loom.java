package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;

/**
 * {@code defer-cancel-1-loom}, the twin of {@code defer-cancel-1} (Part 19): cancelling code that
 * waits is interrupting its thread; the blocking call throws {@link InterruptedException} there.
 * With only a callback after the call, nothing catches it, and it ends the thread.
 *
 * <p><b>What differs.</b> The original's CancelledException stays in the Deferred, unhandled, and
 * is reported when the Deferred is garbage collected, after "done". An exception nobody catches
 * ends its thread at once and is reported then, by the thread's uncaught-exception handler (printed
 * here as the JVM's default one prints it): so the report comes before "done", and it is an
 * {@code InterruptedException}, thrown where the thread was parked.
 *
 * <p><b>Threading:</b> the chain runs on a virtual thread ({@link BChain}) that {@code run}
 * cancels and joins before it returns.
 */
public final class DeferCancel1Loom extends LoomTwin {

    public DeferCancel1Loom() {
        super("defer-cancel-1", 19, "cancel is an interrupt: uncaught, it ends the thread and is reported at once");
    }

    @Override
    public void run(PrintStream out) throws InterruptedException {
        BReply<String> poem = new BReply<>();
        try (var chain = BChain.start(name(), out, () -> {
            String res = poem.await();
            out.println("callback got: " + res);
        })) {
            chain.cancelWhenWaiting(poem);
        }
        out.println("done");
    }
}
