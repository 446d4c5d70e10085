package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import java.util.List;
import org.slowpoetry.defer.Callback;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.DeferredList;
import org.slowpoetry.defer.Outcome;

/**
 * {@code deferred-list-3}, the text's {@code deferred-list/deferred-list-3.py} (Part 18): a
 * {@link DeferredList} of two Deferreds, fires once both have fired, with both results.
 *
 * <p><b>Threading:</b> runs on the caller's thread; so do the callbacks.
 */
public final class DeferredList3 extends Example {

    public DeferredList3() {
        super("deferred-list-3", 18, "a DeferredList of two fires once both have fired");
    }

    @Override
    public void run(PrintStream out) {
        Callback<List<Outcome<String>>, Void> gotResults = res -> {
            out.println("We got: " + res);
            return null;
        };

        out.println("Two Deferreds.");
        Deferred<String> d1 = new Deferred<>();
        Deferred<String> d2 = new Deferred<>();
        Deferred<List<Outcome<String>>> d = DeferredList.of(List.of(d1, d2));
        out.println("Adding Callback.");
        d.addCallback(gotResults);
        out.println("Firing d1.");
        d1.callback("d1 result");
        out.println("Firing d2.");
        d2.callback("d2 result");
    }
}
