package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import java.util.List;
import org.slowpoetry.defer.Callback;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.DeferredList;
import org.slowpoetry.defer.Outcome;

/**
 * {@code deferred-list-6}, the text's {@code deferred-list/deferred-list-6.py} (Part 18):
 * deferred-list-5 without {@link DeferredList.Option#CONSUME_ERRORS}. The list still gets
 * {@code (false, failure)}, but the callback/errback pair it added to {@code d2} passed the
 * failure on, so {@code d2} is left holding it, and reports it, unhandled, when it is garbage
 * collected. The report comes from {@code d2}, not from the list, which succeeded.
 *
 * <p>As in defer-unhandled, the example asks for a collection and prints the report it gets
 * (see {@link UnhandledReports}).
 *
 * <p><b>Threading:</b> runs on the caller's thread; so do the callbacks. The report is made on
 * the Deferred cleaner's thread and handed over.
 */
public final class DeferredList6 extends Example {

    public DeferredList6() {
        super("deferred-list-6", 18, "without CONSUME_ERRORS the failed Deferred reports its error unhandled");
    }

    @Override
    public void run(PrintStream out) throws InterruptedException {
        try (var reports = UnhandledReports.capture(getClass())) {
            program(out);
            reports.printWhenCollected(out);
        }
    }

    /** The text's program. Once it returns, its Deferreds are garbage. */
    private static void program(PrintStream out) {
        Callback<List<Outcome<String>>, Void> gotResults = res -> {
            out.println("We got: " + res);
            return null;
        };

        Deferred<String> d1 = new Deferred<>();
        Deferred<String> d2 = new Deferred<>();
        Deferred<List<Outcome<String>>> d = DeferredList.of(List.of(d1, d2));
        d.addCallback(gotResults);
        out.println("Firing d1.");
        d1.callback("d1 result");
        out.println("Firing d2 with errback.");
        d2.errback(new Exception("d2 failure"));
    }
}
