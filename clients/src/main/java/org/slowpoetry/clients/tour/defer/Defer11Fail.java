package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import org.slowpoetry.defer.Callback;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.Failure;

/**
 * {@code defer-11-fail}, Part 14's exercise 1: {@link Defer11} with a failure. A Deferred may fail
 * before anyone adds errbacks to it, and they run as they are added, the errbacks of the error
 * line only. {@link Deferred#fail(Throwable)} makes such a Deferred in one call: it is to
 * {@code errback} what {@link Deferred#succeed} is to {@code callback}, for an asynchronous API
 * that knows at once that it must fail (a bad argument, say).
 *
 * <p><b>Threading:</b> runs on the caller's thread; so do the callbacks.
 */
public final class Defer11Fail extends Example {

    public Defer11Fail() {
        super("defer-11-fail", 14, "errbacks added to a failed Deferred run at once; Deferred.fail makes one");
    }

    @Override
    public void run(PrintStream out) {
        Callback<Failure, Failure> errback1 = err -> {
            out.println("errback_1 got " + err + ", passing it on");
            return err;
        };
        Callback<Failure, Failure> errback2 = err -> {
            out.println("errback_2 got " + err + ", passing it on");
            return err;
        };
        Callback<Failure, Integer> errback3 = err -> {
            out.println("errback_3 got " + err + ", handling it");
            return 3;
        };
        Callback<Object, Integer> callback1 = res -> {
            out.println("callback_1 got " + res);
            return 1;
        };
        Callback<Object, Integer> callback4 = res -> {
            out.println("callback_4 got " + res);
            return 4;
        };

        out.println("A Deferred may fail before anyone adds errbacks to it.");
        out.println();
        Deferred<String> d = new Deferred<>();
        out.println("Failing empty deferred.");
        d.errback(new Exception("no poem"));

        out.println("Adding first errback.");
        d.addErrback(errback1);
        out.println("Adding second errback.");
        d.addErrback(errback2);
        out.println("Adding third errback.");
        d.addErrback(errback3);

        out.println();
        out.println("It had its failure already, so each errback ran as it was added.");
        out.println("Deferred.fail(error) makes a new Deferred and fails it, in one call, as");
        out.println("Deferred.succeed(result) does with a result:");
        out.println();
        Deferred<String> failed = Deferred.fail(new Exception("no poem"));

        out.println("Adding callback_1.");
        failed.addCallback(callback1);
        out.println("Adding errback_3.");
        failed.addErrback(errback3);
        out.println("Adding callback_4.");
        failed.addCallback(callback4);

        out.println();
        out.println("callback_1 never ran: a failure passes callbacks by. errback_3 handled it");
        out.println("by returning 3, so the chain went back to the callback line, and callback_4");
        out.println("got that 3.");
    }
}
