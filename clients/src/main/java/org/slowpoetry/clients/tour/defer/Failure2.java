package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import org.slowpoetry.defer.Failure;

/**
 * {@code failure-2}, the second half of the text's {@code twisted-failure/failure-examples.py}
 * (Part 6): a {@link Failure} made in a {@code catch} block keeps the exception and its stack
 * trace, so the place where things went wrong ({@code analyzePoem}) can still be printed after
 * the {@code catch} block is over, or much later, in a callback far away.
 *
 * <p><b>Threading:</b> runs on the caller's thread.
 */
public final class Failure2 extends Example {

    public Failure2() {
        super("failure-2", 6, "a Failure made in a catch block keeps the stack trace of the throw");
    }

    @Override
    public void run(PrintStream out) {
        out.println("Catching an exception:");
        out.println();

        Failure failure = null;
        try {
            analyzePoem("""
                    Roses are red.
                    Violets are purple.
                    This poem has no rhyme,
                    and that is the trouble.
                    """);
        } catch (RhymeSchemeViolation e) {
            failure = Failure.of(e);
        }

        // The catch block is over, and the Failure still knows where the exception came from.
        out.println(failure);
        failure.printTraceback(out);
    }

    private static void analyzePoem(String poem) throws RhymeSchemeViolation {
        throw new RhymeSchemeViolation();
    }
}
