package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.StructuredTaskScope;

/**
 * {@code defer-cancel-10-loom}, the twin of {@code defer-cancel-10} (Part 19): the cancel after
 * 0.2 s is the scope's timeout; {@code join()} throws {@link StructuredTaskScope.TimeoutException}
 * and the scope interrupts the subtask. The original's operation has no canceller and goes on to
 * send its poem. A Loom operation is stopped by the interrupt, unless its code ignores it; this
 * one does (it sleeps on through the interrupt), to show what such code costs.
 *
 * <p><b>What differs.</b> In Twisted the work goes on behind the program's back, after the
 * cancel. A scope's {@code close()} waits for every subtask's thread, so here the program waits
 * for the stubborn poem, 0.3 s more, and then drops it: no thread outlives its scope, even one
 * that will not be cancelled. The twin prints that after "Sending poem", and the failure is the
 * scope's {@code TimeoutException}.
 *
 * <p>The delays are the original's (poem after 0.5 s, cancel after 0.2 s).
 *
 * <p><b>Threading:</b> the call runs on a virtual thread forked in a scope
 * ({@code DeferCancel9Loom.getPoemWithin}); {@code run} joins and closes it before it returns.
 */
public final class DeferCancel10Loom extends LoomTwin {

    private static final Duration POEM_DELAY = Duration.ofMillis(500);
    private static final Duration CANCEL_DELAY = Duration.ofMillis(200);

    public DeferCancel10Loom() {
        super("defer-cancel-10", 19, "a timeout cancels a call that ignores interrupts: close() waits for it (0.5 s)");
    }

    /** Returns a poem half a second later, and will not be interrupted: the anti-pattern. */
    private static String getPoem(PrintStream out) {
        long deadline = System.nanoTime() + POEM_DELAY.toNanos();
        boolean interrupted = false;
        for (long left = POEM_DELAY.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            try {
                Thread.sleep(Duration.ofNanos(left));
            } catch (InterruptedException ignored) {
                interrupted = true; // sleeps on: this code does not want to be cancelled
            }
        }
        out.println("Sending poem");
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return "Once upon a midnight dreary";
    }

    @Override
    public void run(PrintStream out) throws InterruptedException {
        DeferCancel9Loom.getPoemWithin(CANCEL_DELAY, () -> getPoem(out), out);
        out.println("The scope's close() waited for that poem, then dropped it: no thread outlives");
        out.println("its scope, not even one that ignores the interrupt.");
    }
}
