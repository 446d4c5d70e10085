package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import org.slowpoetry.defer.Callback;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.Failure;

/**
 * {@code defer-1}, the text's {@code twisted-deferred/defer-1.py} (Part 7): a Deferred with one
 * callback/errback pair, fired with a result. The callback runs inside {@code d.callback(...)}, at
 * once: no reactor, nothing asynchronous, just a method call.
 *
 * <p><b>Threading:</b> runs on the caller's thread; so do the callbacks.
 */
public final class Defer1 extends Example {

    public Defer1() {
        super("defer-1", 7, "fire a Deferred with a result: its callback runs at once");
    }

    @Override
    public void run(PrintStream out) {
        Callback<String, Void> gotPoem = res -> {
            out.println("Your poem is served:");
            out.println(res);
            return null;
        };
        Callback<Failure, Void> poemFailed = err -> {
            out.println("No poetry for you.");
            return null;
        };

        Deferred<String> d = new Deferred<>();
        // one stage: a callback for a result, an errback for a failure
        d.addCallbacks(gotPoem, poemFailed);
        // fire the callback line
        d.callback("This poem is short.");
        out.println("Finished");
    }
}
