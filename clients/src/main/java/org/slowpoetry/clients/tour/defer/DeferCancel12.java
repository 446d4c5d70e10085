package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import java.util.function.Consumer;
import org.slowpoetry.defer.Callback;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.Failure;

/**
 * {@code defer-cancel-12}, the text's {@code deferred-cancel/defer-cancel-12.py} (Part 19): an
 * outer Deferred that has fired, but is paused on an inner Deferred its callback returned. It has
 * its result, so cancelling it does not call its own canceller; it cancels the inner Deferred
 * instead, whose canceller runs, and whose {@link org.slowpoetry.defer.CancelledException} comes
 * down the outer chain to the outer errback. Cancelling a Deferred may cancel some other
 * operation than the one that made it.
 *
 * <p><b>Threading:</b> runs on the caller's thread; so do the callbacks.
 */
public final class DeferCancel12 extends Example {

    public DeferCancel12() {
        super("defer-cancel-12", 19, "cancelling an outer Deferred paused on an inner one cancels the inner one");
    }

    @Override
    public void run(PrintStream out) {
        Consumer<Deferred<String>> cancelOuter = d -> out.println("outer cancel callback.");
        Consumer<Deferred<String>> cancelInner = d -> out.println("inner cancel callback.");

        Deferred<String> outerD = new Deferred<>(cancelOuter);
        Deferred<String> innerD = new Deferred<>(cancelInner);

        Callback<String, Deferred<String>> firstOuterCallback = res -> {
            out.println("first outer callback, returning inner deferred");
            return innerD;
        };
        Callback<Object, Void> secondOuterCallback = res -> {
            out.println("second outer callback got: " + res);
            return null;
        };
        Callback<Failure, Void> outerErrback = err -> {
            out.println("outer errback got: " + err);
            return null;
        };

        outerD.addCallback(firstOuterCallback);
        outerD.addCallbacks(secondOuterCallback, outerErrback);

        outerD.callback("result");

        // The outer Deferred has fired, but is paused, waiting on the inner one.
        out.println("canceling outer deferred.");
        outerD.cancel();

        out.println("done");
    }
}
