package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;

/**
 * Where a Python program of the text crashes with a traceback (defer-4 to defer-7 fire a
 * Deferred twice), the example catches the exception and prints what {@code java} prints when
 * {@code main} lets an exception escape: the program ends there, nothing after it runs. It cannot
 * really let the exception escape, because {@code tour} runs every example in one JVM.
 *
 * <p><b>Threading:</b> stateless.
 */
final class Uncaught {
    private Uncaught() {
    }

    /** Prints {@code error} as the JVM's default handler does for the main thread. */
    static void print(PrintStream out, Throwable error) {
        out.print("Exception in thread \"main\" ");
        error.printStackTrace(out);
    }
}
