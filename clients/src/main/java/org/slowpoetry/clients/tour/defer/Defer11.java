package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import org.slowpoetry.defer.Callback;
import org.slowpoetry.defer.Deferred;

/**
 * {@code defer-11}, the text's {@code twisted-deferred/defer-11.py} (Part 14): callbacks added to
 * a Deferred that has already fired run as they are added; and {@link Deferred#pause()} holds them
 * back until {@link Deferred#unpause()}, the very mechanism a Deferred uses to wait on an inner
 * one.
 *
 * <p><b>Threading:</b> runs on the caller's thread; so do the callbacks.
 */
public final class Defer11 extends Example {

    public Defer11() {
        super("defer-11", 14, "callbacks added to a fired Deferred run at once; pause() holds them back");
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

        out.println("A Deferred may be fired before anyone adds callbacks to it.");
        out.println();
        Deferred<Integer> d = new Deferred<>();
        out.println("Firing empty deferred.");
        d.callback(0);

        out.println("Adding first callback.");
        d.addCallback(callback1);
        out.println("Adding second callback.");
        d.addCallback(callback2);
        out.println("Adding third callback.");
        d.addCallback(callback3);

        out.println();
        out.println("It had its result already, so each callback ran as it was added.");
        out.println("Now a Deferred that is paused before it is fired:");
        out.println();
        d = new Deferred<>();
        out.println("Pausing, then firing deferred.");
        d.pause();
        d.callback(0);

        out.println("Adding callbacks.");
        d.addCallback(callback1);
        d.addCallback(callback2);
        d.addCallback(callback3);

        out.println("Unpausing the deferred.");
        d.unpause();
    }
}
