package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import org.slowpoetry.defer.AlreadyCalledException;
import org.slowpoetry.defer.Callback;
import org.slowpoetry.defer.Deferred;

/**
 * {@code defer-4}, the text's {@code twisted-deferred/defer-4.py} (Part 7): a Deferred fired twice,
 * with a result, then a second result. The first firing runs the chain; the second throws
 * {@link AlreadyCalledException} at the code that fired, not at the callbacks. A Deferred is
 * fired once, just as a {@code try} block either returns or throws, once.
 *
 * <p>The text's program crashes there, and never prints {@code Finished}; this one prints the
 * stack trace {@code java} would print for it (see {@link Uncaught}).
 *
 * <p><b>Threading:</b> runs on the caller's thread; so do the callbacks.
 */
public final class Defer4 extends Example {

    public Defer4() {
        super("defer-4", 7, "callback() twice: the second throws AlreadyCalledException");
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
            d.callback("Second result");
            out.println("Finished");
        } catch (AlreadyCalledException e) {
            Uncaught.print(out, e); // the end of the program
        }
    }
}
