package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import java.util.List;
import org.slowpoetry.defer.Callback;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.DeferredList;
import org.slowpoetry.defer.Outcome;

/**
 * {@code deferred-list-4}, the text's {@code deferred-list/deferred-list-4.py} (Part 18): a
 * {@link DeferredList} of two Deferreds, fired in the other order, still lists the results in the
 * order of the list, not of firing: each result sits beside the operation that made it.
 *
 * <p><b>Threading:</b> runs on the caller's thread; so do the callbacks.
 */
public final class DeferredList4 extends Example {

    public DeferredList4() {
        super("deferred-list-4", 18, "results come in the list's order, not the order of firing");
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
        out.println("Firing d2.");
        d2.callback("d2 result");
        out.println("Firing d1.");
        d1.callback("d1 result");
    }
}
