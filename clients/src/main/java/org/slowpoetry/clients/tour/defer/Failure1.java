package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import org.slowpoetry.defer.Failure;

/**
 * {@code failure-1}, the first half of the text's {@code twisted-failure/failure-examples.py}
 * (Part 6): a {@link Failure} made from an exception that was never thrown.
 *
 * <p>Here Java and Python part ways. A Python exception has no traceback until it is raised, so
 * the text's Failure prints "failure with no frames". A Java exception records the stack where it
 * is <em>made</em>, thrown or not, so our Failure does have a traceback: it points at the line
 * below that says {@code new RhymeSchemeViolation()}.
 *
 * <p><b>Threading:</b> runs on the caller's thread.
 */
public final class Failure1 extends Example {

    public Failure1() {
        super("failure-1", 6, "a Failure made from an exception never thrown (Java records its stack anyway)");
    }

    @Override
    public void run(PrintStream out) {
        out.println("Just making an exception:");
        out.println();

        RhymeSchemeViolation e = new RhymeSchemeViolation();
        Failure failure = Failure.of(e);

        out.println(failure);
        failure.printTraceback(out);
    }
}
