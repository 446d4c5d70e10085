package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import java.util.List;
import org.slowpoetry.defer.Callback;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.DeferredList;
import org.slowpoetry.defer.Outcome;

/**
 * {@code deferred-list-1}, the text's {@code deferred-list/deferred-list-1.py} (Part 18): a
 * {@link DeferredList} of no Deferreds. It is a Deferred like any other, and with nothing to wait
 * for it has fired already: the callback runs as it is added, with an empty list.
 *
 * <p><b>Threading:</b> runs on the caller's thread; so do the callbacks.
 */
public final class DeferredList1 extends Example {

    public DeferredList1() {
        super("deferred-list-1", 18, "a DeferredList of nothing fires at once, with an empty list");
    }

    @Override
    public void run(PrintStream out) {
        Callback<List<Outcome<String>>, Void> gotResults = res -> {
            out.println("We got: " + res);
            return null;
        };

        out.println("Empty List.");
        Deferred<List<Outcome<String>>> d = DeferredList.of(List.<Deferred<String>>of());
        out.println("Adding Callback.");
        d.addCallback(gotResults);
    }
}
