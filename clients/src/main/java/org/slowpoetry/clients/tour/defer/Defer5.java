package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import org.slowpoetry.defer.AlreadyCalledException;
import org.slowpoetry.defer.Callback;
import org.slowpoetry.defer.Deferred;

/**
 * {@code defer-5}, the text's {@code twisted-deferred/defer-5.py} (Part 7): a Deferred fired twice,
 * with a result, then an error. The first firing runs the chain; the second throws
 * {@link AlreadyCalledException} at the code that fired, not at the callbacks. A Deferred is
 * fired once, just as a {@code try} block either returns or throws, once.
 *
 * <p>The text's program crashes there, and never prints {@code Finished}; this one prints the
 * stack trace {@code java} would print for it (see {@link Uncaught}).
 *
 * <p><b>Threading:</b> runs on the caller's thread; so do the callbacks.
 */
public final class Defer5 extends Example {

    public Defer5() {
        super("defer-5", 7, "callback(), then errback(): the errback() throws AlreadyCalledException");
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
            d.callback("First result");
            d.errback(new Exception("First error"));
            out.println("Finished");
        } catch (AlreadyCalledException e) {
            Uncaught.print(out, e); // the end of the program
        }
    }
}
