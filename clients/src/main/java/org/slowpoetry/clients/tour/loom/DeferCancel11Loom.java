package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.StructuredTaskScope;

/**
 * {@code defer-cancel-11-loom}, the twin of {@code defer-cancel-11} (Part 19): the same timeout,
 * on an operation that lets the interrupt stop it. It needs no canceller of its own: the sleep that
 * stands for its timer (defer-cancel-9-loom's {@code getPoem}) throws {@link InterruptedException}
 * when the scope interrupts it, and the poem is never sent. Blocking calls on a virtual thread are the canceller Twisted asks each
 * operation to write.
 *
 * <p><b>What differs.</b> The failure is the scope's {@link StructuredTaskScope.TimeoutException}
 * rather than a CancelledException inside a Failure; the subtask's own {@code InterruptedException}
 * is dropped with it.
 *
 * <p>The delays are the original's (poem after 0.5 s, cancel after 0.2 s).
 *
 * <p><b>Threading:</b> the call runs on a virtual thread forked in a scope
 * ({@code DeferCancel9Loom.getPoemWithin}); {@code run} joins and closes it before it returns.
 */
public final class DeferCancel11Loom extends LoomTwin {

    private static final Duration CANCEL_DELAY = Duration.ofMillis(200);

    public DeferCancel11Loom() {
        super("defer-cancel-11", 19, "a timeout interrupts the call, which stops: the interrupt is the canceller (0.2 s)");
    }

    @Override
    public void run(PrintStream out) throws InterruptedException {
        DeferCancel9Loom.getPoemWithin(CANCEL_DELAY, () -> DeferCancel9Loom.getPoem(out), out);
    }
}
