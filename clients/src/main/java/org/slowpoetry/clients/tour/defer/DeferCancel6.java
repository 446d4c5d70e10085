package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import java.util.function.Consumer;
import org.slowpoetry.defer.Callback;
import org.slowpoetry.defer.CancelledException;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.Failure;

/**
 * {@code defer-cancel-6}, the text's {@code deferred-cancel/defer-cancel-6.py} (Part 19): a
 * canceller may fire the Deferred itself, here with a result; then there is no {@link
 * CancelledException}, and the callback gets that result.
 *
 * <p><b>Threading:</b> runs on the caller's thread; so do the callbacks.
 */
public final class DeferCancel6 extends Example {

    public DeferCancel6() {
        super("defer-cancel-6", 19, "a canceller may fire the Deferred itself, with a result of its choosing");
    }

    @Override
    public void run(PrintStream out) {
        Consumer<Deferred<String>> canceller = d -> {
            out.println("I need to cancel this deferred: " + d);
            out.println("Firing the deferred with a result");
            d.callback("result");
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
