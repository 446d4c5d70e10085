package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import java.util.List;
import org.slowpoetry.defer.Callback;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.DeferredList;
import org.slowpoetry.defer.Outcome;

/**
 * {@code deferred-list-7}, the text's {@code deferred-list/deferred-list-7.py} (Part 18):
 * deferred-list-6, with the failure handled by an errback of our own on {@code d2}, added after
 * the list's: no unhandled error this time.
 *
 * <p><b>Threading:</b> runs on the caller's thread; so do the callbacks.
 */
public final class DeferredList7 extends Example {

    public DeferredList7() {
        super("deferred-list-7", 18, "or handle the failure with an errback of our own on the failed Deferred");
    }

    @Override
    public void run(PrintStream out) {
        Callback<List<Outcome<String>>, Void> gotResults = res -> {
            out.println("We got: " + res);
            return null;
        };

        Deferred<String> d1 = new Deferred<>();
        Deferred<String> d2 = new Deferred<>();
        Deferred<List<Outcome<String>>> d = DeferredList.of(List.of(d1, d2));
        d2.addErrback(err -> null); // handle d2's failure
        d.addCallback(gotResults);
        out.println("Firing d1.");
        d1.callback("d1 result");
        out.println("Firing d2 with errback.");
        d2.errback(new Exception("d2 failure"));
    }
}
