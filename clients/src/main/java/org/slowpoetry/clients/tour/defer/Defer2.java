package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import org.slowpoetry.defer.Callback;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.Failure;

/**
 * {@code defer-2}, the text's {@code twisted-deferred/defer-2.py} (Part 7): the same Deferred as
 * defer-1, fired down the other line, with a {@link Failure}. The errback runs at once.
 *
 * <p><b>Threading:</b> runs on the caller's thread; so do the callbacks.
 */
public final class Defer2 extends Example {

    public Defer2() {
        super("defer-2", 7, "fire a Deferred with a Failure: its errback runs at once");
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
        d.addCallbacks(gotPoem, poemFailed);
        // fire the errback line
        d.errback(Failure.of(new Exception("I have failed.")));
        out.println("Finished");
    }
}
