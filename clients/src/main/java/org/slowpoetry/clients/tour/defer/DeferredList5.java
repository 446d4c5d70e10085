package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import java.util.List;
import org.slowpoetry.defer.Callback;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.DeferredList;
import org.slowpoetry.defer.Outcome;

/**
 * {@code deferred-list-5}, the text's {@code deferred-list/deferred-list-5.py} (Part 18): one of
 * the Deferreds fails. The {@link DeferredList} still succeeds, with {@code (false, failure)} in
 * that Deferred's place. With {@link DeferredList.Option#CONSUME_ERRORS} the list also handles the
 * failure in the failed Deferred itself (deferred-list-6 shows what happens without).
 *
 * <p><b>Threading:</b> runs on the caller's thread; so do the callbacks.
 */
public final class DeferredList5 extends Example {

    public DeferredList5() {
        super("deferred-list-5", 18, "a failure shows as (false, failure); the DeferredList never fails");
    }

    @Override
    public void run(PrintStream out) {
        Callback<List<Outcome<String>>, Void> gotResults = res -> {
            out.println("We got: " + res);
            return null;
        };

        Deferred<String> d1 = new Deferred<>();
        Deferred<String> d2 = new Deferred<>();
        Deferred<List<Outcome<String>>> d = DeferredList.of(List.of(d1, d2), DeferredList.Option.CONSUME_ERRORS);
        d.addCallback(gotResults);
        out.println("Firing d1.");
        d1.callback("d1 result");
        out.println("Firing d2 with errback.");
        d2.errback(new Exception("d2 failure"));
    }
}
