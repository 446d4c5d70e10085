package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import org.slowpoetry.defer.CancelledException;
import org.slowpoetry.defer.Callback;
import org.slowpoetry.defer.Deferred;

/**
 * {@code defer-cancel-1}, the text's {@code deferred-cancel/defer-cancel-1.py} (Part 19):
 * cancelling a Deferred that has not fired fails it with {@link CancelledException}. With only a
 * callback in the chain, nothing handles that failure, so it is reported when the Deferred is
 * garbage collected (as in defer-unhandled, the example asks for a collection and prints the
 * report; see {@link UnhandledReports}).
 *
 * <p><b>Threading:</b> runs on the caller's thread; so do the callbacks. The report is made on
 * the Deferred cleaner's thread and handed over.
 */
public final class DeferCancel1 extends Example {

    public DeferCancel1() {
        super("defer-cancel-1", 19, "cancel() an unfired Deferred: it fails with CancelledException");
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
            out.println("callback got: " + res);
            return null;
        };

        Deferred<String> d = new Deferred<>();
        d.addCallback(callback);
        d.cancel();
        out.println("done");
    }
}
