package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import org.slowpoetry.defer.Callback;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.Failure;

/**
 * {@code defer-cancel-3}, the text's {@code deferred-cancel/defer-cancel-3.py} (Part 19):
 * cancelling a Deferred that has already fired does nothing: the callback has had its result.
 *
 * <p><b>Threading:</b> runs on the caller's thread; so do the callbacks.
 */
public final class DeferCancel3 extends Example {

    public DeferCancel3() {
        super("defer-cancel-3", 19, "cancel() after the Deferred has fired: nothing happens");
    }

    @Override
    public void run(PrintStream out) {
        Callback<String, Void> callback = res -> {
            out.println("callback got: " + res);
            return null;
        };
        Callback<Failure, Void> errback = err -> {
            out.println("errback got: " + err);
            return null;
        };

        Deferred<String> d = new Deferred<>();
        d.addCallbacks(callback, errback);
        d.callback("result");
        d.cancel();
        out.println("done");
    }
}
