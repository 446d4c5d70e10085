package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import org.slowpoetry.defer.AlreadyCalledException;
import org.slowpoetry.defer.Callback;
import org.slowpoetry.defer.Deferred;

/**
 * {@code defer-6}, the text's {@code twisted-deferred/defer-6.py} (Part 7): a Deferred fired twice,
 * with an error, then a second error. The first firing runs the chain; the second throws
 * {@link AlreadyCalledException} at the code that fired, not at the callbacks. A Deferred is
 * fired once, just as a {@code try} block either returns or throws, once.
 *
 * <p>The text's program crashes there, and never prints {@code Finished}; this one prints the
 * stack trace {@code java} would print for it (see {@link Uncaught}).
 *
 * <p><b>Threading:</b> runs on the caller's thread; so do the callbacks.
 */
public final class Defer6 extends Example {

    public Defer6() {
        super("defer-6", 7, "errback() twice: the second throws AlreadyCalledException");
    }

    @Override
    public void run(PrintStream out) {
        Callback<Object, Void> print = s -> {
            out.println(s);
            return null;
        };

        Deferred<String> d = new Deferred<>();
        d.addCallbacks(print, print);
        try {
            d.errback(new Exception("First error"));
            d.errback(new Exception("Second error"));
            out.println("Finished");
        } catch (AlreadyCalledException e) {
            Uncaught.print(out, e); // the end of the program
        }
    }
}
