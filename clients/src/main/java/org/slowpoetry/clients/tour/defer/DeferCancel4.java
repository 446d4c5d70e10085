package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import org.slowpoetry.defer.AlreadyCalledException;
import org.slowpoetry.defer.Callback;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.Failure;

/**
 * {@code defer-cancel-4}, the text's {@code deferred-cancel/defer-cancel-4.py} (Part 19): a
 * Deferred fired after it was cancelled ignores that late result, without the {@link
 * AlreadyCalledException} a second firing would throw. Firing is the job of the code below, which
 * may know nothing of cancelling and fire the Deferred anyway; cancelling is the code above saying
 * it no longer wants the result. So a cancelled Deferred swallows that one late firing instead of
 * blowing up the code below.
 *
 * <p><b>Threading:</b> runs on the caller's thread; so do the callbacks.
 */
public final class DeferCancel4 extends Example {

    public DeferCancel4() {
        super("defer-cancel-4", 19, "fire after cancel(): the late result is ignored, no AlreadyCalledException");
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
        d.callback("result");
        out.println("done");
    }
}
