package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import java.util.function.Consumer;
import org.slowpoetry.defer.Callback;
import org.slowpoetry.defer.CancelledException;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.Failure;

/**
 * {@code defer-cancel-7}, the text's {@code deferred-cancel/defer-cancel-7.py} (Part 19): a
 * canceller may fire the Deferred itself, here with an error of its own, which the errback gets
 * instead of a {@link CancelledException}.
 *
 * <p><b>Threading:</b> runs on the caller's thread; so do the callbacks.
 */
public final class DeferCancel7 extends Example {

    public DeferCancel7() {
        super("defer-cancel-7", 19, "a canceller may fire the Deferred itself, with an error of its choosing");
    }

    @Override
    public void run(PrintStream out) {
        Consumer<Deferred<String>> canceller = d -> {
            out.println("I need to cancel this deferred: " + d);
            out.println("Firing the deferred with an error");
            d.errback(new Exception("error!"));
        };
        Callback<String, Void> callback = res -> {
            out.println("callback got: " + res);
            return null;
        };
        Callback<Failure, Void> errback = err -> {
            out.println("errback got: " + err);
            return null;
        };

        Deferred<String> d = new Deferred<>(canceller); // made by the code below
        d.addCallbacks(callback, errback);               // added by the code above
        d.cancel();
        out.println("done");
    }
}
