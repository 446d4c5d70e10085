package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import java.util.List;
import org.slowpoetry.defer.Callback;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.DeferredList;
import org.slowpoetry.defer.Outcome;

/**
 * {@code deferred-list-2}, the text's {@code deferred-list/deferred-list-2.py} (Part 18): a
 * {@link DeferredList} of one Deferred fires when that one does, with a list of one
 * {@link Outcome}: {@code (true, result)}.
 *
 * <p><b>Threading:</b> runs on the caller's thread; so do the callbacks.
 */
public final class DeferredList2 extends Example {

    public DeferredList2() {
        super("deferred-list-2", 18, "a DeferredList of one fires when it does, with [(true, result)]");
    }

    @Override
    public void run(PrintStream out) {
        Callback<List<Outcome<String>>, Void> gotResults = res -> {
            out.println("We got: " + res);
            return null;
        };

        out.println("One Deferred.");
        Deferred<String> d1 = new Deferred<>();
        Deferred<List<Outcome<String>>> d = DeferredList.of(List.of(d1));
        out.println("Adding Callback.");
        d.addCallback(gotResults);
        out.println("Firing d1.");
        d1.callback("d1 result");
    }
}
