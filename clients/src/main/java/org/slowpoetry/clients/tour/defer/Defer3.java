package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import org.slowpoetry.defer.Callback;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.Failure;

/**
 * {@code defer-3}, the text's {@code twisted-deferred/defer-3.py} (Part 7): fired with a plain
 * exception, the Deferred wraps it in a {@link Failure} for us; an errback always gets a Failure.
 * It prints as {@code [Failure instance: TYPE: MESSAGE]}, our spelling of Twisted's.
 *
 * <p><b>Threading:</b> runs on the caller's thread; so do the callbacks.
 */
public final class Defer3 extends Example {

    public Defer3() {
        super("defer-3", 7, "fire with a plain exception: the errback gets it wrapped in a Failure");
    }

    @Override
    public void run(PrintStream out) {
        Callback<String, Void> gotPoem = res -> {
            out.println("Your poem is served:");
            out.println(res);
            return null;
        };
        Callback<Failure, Void> poemFailed = err -> {
            out.println(err.getClass().getName());
            out.println(err);
            out.println("No poetry for you.");
            return null;
        };

        Deferred<String> d = new Deferred<>();
        d.addCallbacks(gotPoem, poemFailed);
        // an Exception, not a Failure
        d.errback(new Exception("I have failed."));
    }
}
