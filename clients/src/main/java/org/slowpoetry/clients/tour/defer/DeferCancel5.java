package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import java.util.function.Consumer;
import org.slowpoetry.defer.Callback;
import org.slowpoetry.defer.CancelledException;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.Failure;

/**
 * {@code defer-cancel-5}, the text's {@code deferred-cancel/defer-cancel-5.py} (Part 19): a
 * Deferred made with a canceller: a callback from the code that made the Deferred, the only code
 * that knows how to stop the work (close a connection, cancel a timer). {@link Deferred#cancel()}
 * calls it first; then, since it did not fire the Deferred, the errback gets a {@link
 * CancelledException}.
 *
 * <p><b>Threading:</b> runs on the caller's thread; so do the callbacks.
 */
public final class DeferCancel5 extends Example {

    public DeferCancel5() {
        super("defer-cancel-5", 19, "a canceller, given by the code that made the Deferred, runs first");
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
        d.cancel();
        out.println("done");
    }
}
