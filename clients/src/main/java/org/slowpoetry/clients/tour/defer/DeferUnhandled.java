package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import org.slowpoetry.defer.Callback;
import org.slowpoetry.defer.Deferred;

/**
 * {@code defer-unhandled}, the text's {@code twisted-deferred/defer-unhandled.py} (Part 9): a
 * callback throws, no errback follows, so the Deferred is left holding a Failure. Nothing crashes
 * ("Finished" is printed), but when the Deferred is garbage collected it reports
 * {@code Unhandled error in Deferred:} with the stack trace of the throw.
 *
 * <p>Python collects the Deferred as the program ends; the JVM collects when it likes, so the
 * example asks for a collection and waits for the report (see {@link UnhandledReports}), which
 * it prints to its output instead of the log.
 *
 * <p><b>Threading:</b> runs on the caller's thread; the report is made on the Deferred cleaner's
 * thread and handed over.
 */
public final class DeferUnhandled extends Example {

    public DeferUnhandled() {
        super("defer-unhandled", 9, "a failure nobody handles is reported when its Deferred is collected");
    }

    @Override
    public void run(PrintStream out) throws InterruptedException {
        try (var reports = UnhandledReports.capture(getClass())) {
            program(out);
            reports.printWhenCollected(out);
        }
    }

    /** The text's program. Once it returns, its Deferred is garbage. */
    private static void program(PrintStream out) {
        Callback<String, Void> callback = res -> {
            throw new Exception("oops");
        };

        Deferred<String> d = new Deferred<>();
        d.addCallback(callback);
        d.callback("Here is your result.");

        out.println("Finished");
    }
}
