package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;
import java.io.Serial;

/**
 * {@code failure-1-loom}, the Loom twin of {@code failure-1} (Part 6): an exception made and never
 * thrown, kept as a value. Twisted needs a {@code Failure} to carry an error from where it happens
 * to a callback that runs later, elsewhere; Loom code needs no wrapper, because the error travels
 * as itself: thrown up its own thread's stack, or handed to a scope's owner as the cause of
 * {@code join()}'s exception ({@code failure-2-loom}). The value is the exception.
 *
 * <p><b>What differs.</b> The first line is the exception's own {@code toString()}, not
 * {@code [Failure instance: ...]}: there is no Failure. As in the original, the stack trace points
 * at the line that made the exception, since a Java exception records its stack when it is made.
 *
 * <p><b>Threading:</b> runs on the caller's thread.
 */
public final class Failure1Loom extends LoomTwin {

    public Failure1Loom() {
        super("failure-1", 6, "Failure -> the exception itself: a value that knows where it was made");
    }

    @Override
    public void run(PrintStream out) {
        out.println("Just making an exception:");
        out.println();

        Exception e = new RhymeSchemeViolation();

        out.println(e);
        e.printStackTrace(out);
    }

    /** The made-up error of the example. Immutable. */
    static final class RhymeSchemeViolation extends Exception {
        @Serial
        private static final long serialVersionUID = 1L;

        RhymeSchemeViolation() {
            super("the rhyme scheme is violated");
        }
    }
}
