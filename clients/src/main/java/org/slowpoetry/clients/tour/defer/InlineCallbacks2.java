package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import java.time.Duration;
import org.slowpoetry.defer.Callback;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.Failure;
import org.slowpoetry.defer.InlineCallbacks;
import org.slowpoetry.reactor.Reactor;

/**
 * {@code inline-callbacks-2}, the text's {@code inline-callbacks/inline-callbacks-2.py}
 * (Part 17): what {@link InlineCallbacks#run} returns is a Deferred for the whole body. The
 * body's {@code return} fires its callback line (Python needs {@code returnValue} for that); an
 * exception the body throws fires its errback line. Two bodies run at once, their steps
 * interleaved by the reactor. The text's 2- and 3-second delays are 0.2 and 0.3 s here.
 *
 * <p><b>Threading:</b> the reactor runs on a thread of its own ({@link Loops#run}); each body on
 * a virtual thread, only while the loop thread waits for it.
 */
public final class InlineCallbacks2 extends Example {

    /** The text's 2 and 3 seconds, scaled down. */
    private static final Duration SHORT = Duration.ofMillis(200);
    private static final Duration LONGER = Duration.ofMillis(300);

    public InlineCallbacks2() {
        super("inline-callbacks-2", 17, "a body's return value and exception fire the Deferred it returns (0.6 s)");
    }

    @Override
    public void run(PrintStream out) throws Exception {
        try (Reactor reactor = Reactor.open()) {
            reactor.callWhenRunning(() -> runCallbacks(reactor, out));
            Loops.run(reactor, name());
        }
    }

    private static Deferred<Integer> myCallbacks1(Reactor reactor, PrintStream out) {
        return InlineCallbacks.run(reactor, ic -> {
            out.println("my_callbacks_1 first callback");
            Deferred<Void> d = new Deferred<>();
            reactor.callLater(SHORT, () -> d.callback(null));
            ic.await(d);

            out.println("my_callbacks_1 second callback");
            Deferred<Void> d2 = new Deferred<>();
            reactor.callLater(SHORT, () -> d2.callback(null));
            ic.await(d2);

            out.println("my_callbacks_1 third callback");
            return 1;
        });
    }

    private static Deferred<Integer> myCallbacksErr(Reactor reactor, PrintStream out) {
        return InlineCallbacks.run(reactor, ic -> {
            out.println("my_callbacks_err first callback");
            Deferred<Void> d = new Deferred<>();
            reactor.callLater(LONGER, () -> d.callback(null));
            ic.await(d);

            out.println("my_callbacks_err second callback");
            Deferred<Void> d2 = new Deferred<>();
            reactor.callLater(LONGER, () -> d2.callback(null));
            ic.await(d2);

            out.println("my_callbacks_err third callback");
            throw new Exception("uh oh");
        });
    }

    private static void runCallbacks(Reactor reactor, PrintStream out) {
        Callback<Integer, Void> gotResult = res -> {
            out.println("got result: " + res);
            return null;
        };
        Callback<Failure, Void> gotError = err -> {
            out.println("got error: " + err);
            return null;
        };

        Deferred<Integer> d1 = myCallbacks1(reactor, out);
        d1.addCallbacks(gotResult, gotError);

        Deferred<Integer> d2 = myCallbacksErr(reactor, out);
        d2.addCallbacks(gotResult, gotError);

        int[] finished = {0}; // loop thread only
        Callback<Object, Void> callbacksFinished = ignored -> {
            finished[0]++;
            if (finished[0] == 2) {
                out.println("all done");
                reactor.stop();
            }
            return null;
        };

        d1.addBoth(callbacksFinished);
        d2.addBoth(callbacksFinished);
    }
}
