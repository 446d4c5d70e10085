package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import org.slowpoetry.defer.Callback;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.Failure;

/**
 * {@code defer-10-errback}, Part 13's exercise 4: {@link Defer10} on the error line. An errback
 * that returns a Deferred pauses the outer chain exactly as a callback that returns one does, and
 * the inner Deferred's outcome decides where the outer chain goes on: a result, and the failure
 * counts as handled (the next callback runs); a failure, and it stays on the error line (the next
 * errback runs).
 *
 * <p><b>Threading:</b> runs on the caller's thread; so do the callbacks.
 */
public final class Defer10Errback extends Example {

    public Defer10Errback() {
        super("defer-10-errback", 13, "an errback returns a Deferred: the outer chain pauses just the same");
    }

    @Override
    public void run(PrintStream out) {
        Callback<Failure, Integer> errback1 = err -> {
            out.println("errback_1 got " + err);
            return 1;
        };
        Callback<Object, Integer> callback2 = res -> {
            out.println("callback_2 got " + res);
            return 2;
        };
        Callback<Failure, Void> errback2 = err -> {
            out.println("errback_2 got " + err);
            return null;
        };

        out.println("The Deferred fails; errback_1 handles that by returning a plain value:");
        Deferred<String> d = new Deferred<>();
        d.addErrback(errback1);
        d.addCallbacks(callback2, errback2);
        d.errback(new Exception("no poem"));

        // As in defer-10, the inner Deferreds are fired from out here, for want of a reactor.
        Deferred<Integer> spare = new Deferred<>();

        out.println();
        out.println("The same, but errback_1 returns a Deferred that has no result yet:");
        d = new Deferred<>();
        d.addErrback(errback1Returning(spare, out));
        d.addCallbacks(callback2, errback2);
        d.errback(new Exception("no poem"));

        out.println();
        out.println("Neither callback_2 nor errback_2: the outer Deferred is paused on the inner one,");
        out.println("as it is when a callback returns a Deferred. We fire the inner one with a result:");
        spare.callback(1);

        out.println();
        out.println("The inner result took the outer chain back to the callback line. Once more,");
        out.println("but this time the inner Deferred fails:");
        Deferred<Integer> noSpare = new Deferred<>();
        d = new Deferred<>();
        d.addErrback(errback1Returning(noSpare, out));
        d.addCallbacks(callback2, errback2);
        d.errback(new Exception("no poem"));
        noSpare.errback(new Exception("no spare poem either"));

        out.println();
        out.println("The inner failure kept the outer chain on the error line, so errback_2 got it.");
    }

    /** An errback_1 that, instead of a plain value, returns {@code inner}, a Deferred with no result yet. */
    private static Callback<Failure, Deferred<Integer>> errback1Returning(Deferred<Integer> inner, PrintStream out) {
        return err -> {
            out.println("errback_1 got " + err);
            return inner;
        };
    }
}
