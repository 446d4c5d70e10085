package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import java.util.function.Consumer;
import org.slowpoetry.defer.Callback;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.Failure;

/**
 * {@code defer-cancel-8}, the text's {@code deferred-cancel/defer-cancel-8.py} (Part 19): a
 * Deferred with a canceller, fired and then cancelled: the canceller is not called, since there is
 * nothing left to cancel.
 *
 * <p><b>Threading:</b> runs on the caller's thread; so do the callbacks.
 */
public final class DeferCancel8 extends Example {

    public DeferCancel8() {
        super("defer-cancel-8", 19, "cancel() after firing does not call the canceller: nothing to cancel");
    }

    @Override
    public void run(PrintStream out) {
        Consumer<Deferred<String>> canceller = d -> {
            out.println("I need to cancel this deferred: " + d);
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
        d.callback("result");
        d.cancel();
        out.println("done");
    }
}
