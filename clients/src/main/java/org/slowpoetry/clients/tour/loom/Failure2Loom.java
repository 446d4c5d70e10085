package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;
import java.util.concurrent.StructuredTaskScope;
import org.slowpoetry.clients.tour.loom.Failure1Loom.RhymeSchemeViolation;

/**
 * {@code failure-2-loom}, the Loom twin of {@code failure-2} (Part 6): an exception caught away
 * from where it was thrown still knows where that was. The original catches it and wraps it in a
 * {@code Failure}, to keep it past the {@code catch} block; here {@code analyzePoem} runs in a
 * subtask, on a virtual thread of its own, and its exception reaches the owner as the cause of the
 * {@link StructuredTaskScope.FailedException} that {@code join()} throws. The cause is the very
 * exception, stack and all: no wrapper of ours is needed to carry it from one thread to another.
 *
 * <p><b>What differs.</b> No {@code [Failure instance: ...]} line: the exception prints itself.
 * And the stack trace ends at {@code VirtualThread.run}, not at our {@code run}: the exception was
 * thrown on the subtask's own stack, which the owner, waiting in {@code join()}, was not on.
 *
 * <p><b>Threading:</b> {@link #run} owns the scope; {@code analyzePoem} runs on a virtual thread
 * of it, which has ended when {@code run} returns.
 */
public final class Failure2Loom extends LoomTwin {

    public Failure2Loom() {
        super("failure-2", 6, "a subtask's exception reaches the owner as join()'s cause, with its stack");
    }

    @Override
    public void run(PrintStream out) throws InterruptedException {
        out.println("Catching an exception:");
        out.println();

        Throwable caught = null;
        try (var scope = StructuredTaskScope.open()) {
            scope.fork(() -> analyzePoem("""
                    Roses are red.
                    Violets are purple.
                    This poem has no rhyme,
                    and that is the trouble.
                    """));
            scope.join();
        } catch (StructuredTaskScope.FailedException e) {
            caught = e.getCause(); // the subtask's exception itself
        }

        // The catch block is over, and the exception still knows where it was thrown.
        switch (caught) {
            case RhymeSchemeViolation violation -> {
                out.println(violation);
                violation.printStackTrace(out);
            }
            case null -> out.println("(the poem passed, which it should not have)");
            default -> throw new IllegalStateException("unexpected failure", caught);
        }
    }

    private static Void analyzePoem(String poem) throws RhymeSchemeViolation {
        throw new RhymeSchemeViolation();
    }
}
