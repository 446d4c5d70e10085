package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import org.slowpoetry.defer.Callback;
import org.slowpoetry.defer.CancelledException;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.Failure;

/**
 * {@code defer-cancel-2}, the text's {@code deferred-cancel/defer-cancel-2.py} (Part 19):
 * cancelling fails the Deferred with {@link CancelledException}, which goes to the errback like any
 * other failure, and is handled there.
 *
 * <p><b>Threading:</b> runs on the caller's thread; so do the callbacks.
 */
public final class DeferCancel2 extends Example {

    public DeferCancel2() {
        super("defer-cancel-2", 19, "cancel() with an errback: it catches the CancelledException like any failure");
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
        d.cancel();
        out.println("done");
    }
}
