package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import org.slowpoetry.defer.Callback;
import org.slowpoetry.defer.Deferred;

/**
 * {@code defer-10}, the text's {@code twisted-deferred/defer-10.py} (Part 13): a callback that
 * returns a Deferred. The outer Deferred stops running its chain there, paused, and takes it up
 * again when the inner Deferred fires, with the inner one's result.
 *
 * <p><b>Threading:</b> runs on the caller's thread; so do the callbacks.
 */
public final class Defer10 extends Example {

    public Defer10() {
        super("defer-10", 13, "a callback returns a Deferred: the outer chain pauses until it fires");
    }

    @Override
    public void run(PrintStream out) {
        Callback<Object, Integer> callback1 = res -> {
            out.println("callback_1 got " + res);
            return 1;
        };
        Callback<Object, Integer> callback2 = res -> {
            out.println("callback_2 got " + res);
            return 2;
        };
        Callback<Object, Integer> callback3 = res -> {
            out.println("callback_3 got " + res);
            return 3;
        };

        out.println("Three callbacks that print what they get and return a plain value:");
        Deferred<Integer> d = new Deferred<>();
        d.addCallback(callback1);
        d.addCallback(callback2);
        d.addCallback(callback3);
        d.callback(0);

        // With no reactor to fire it, the inner Deferred must be fired from out here, which a
        // real program would never do: there, whatever the callback set going would fire it. So
        // it is made where this code can reach it, and the callback returns it.
        Deferred<Integer> deferred2 = new Deferred<>();
        Callback<Object, Deferred<Integer>> callback2Async = res -> {
            out.println("callback_2 got " + res);
            return deferred2;
        };

        out.println();
        out.println("The same, but the second callback returns a Deferred that has no result yet:");
        d = new Deferred<>();
        d.addCallback(callback1);
        d.addCallback(callback2Async);
        d.addCallback(callback3);
        d.callback(0);

        out.println();
        out.println("No callback_3: the outer Deferred is paused on the inner one. No thread waits;");
        out.println("it simply stopped running its chain. Now we fire the inner Deferred:");
        deferred2.callback(2);
    }
}
