package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import java.time.Duration;
import org.slowpoetry.defer.Callback;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.Failure;
import org.slowpoetry.reactor.DelayedCall;
import org.slowpoetry.reactor.Reactor;

/**
 * {@code defer-cancel-13}, Part 19's exercise 5: {@link DeferCancel12} on a reactor. The outer
 * Deferred is a poem download that ends after 0.1 s; its callback starts a transform that takes
 * half a second and returns the transform's Deferred, the inner one. A {@code callLater} cancels
 * the outer Deferred at 0.3 s, while it is paused on the inner one. The outer Deferred has its
 * result, so its own canceller does not run; it cancels the inner Deferred, whose canceller
 * stops the transform's timer; the inner Deferred fails with
 * {@link org.slowpoetry.defer.CancelledException}, its own errback sees that, and the failure goes
 * on down the outer chain to the outer errback. The transformed poem is never made.
 *
 * <p>The delays are chosen so that the cancel comes at the right moment whatever the machine's
 * load: each timer runs in the order of its deadline, and the transform's timer is set only when
 * the poem has come, half a second after that, so it is always due after the cancel.
 *
 * <p><b>Threading:</b> the reactor runs on a thread of its own ({@link Loops#run}); the Deferreds
 * are fired, cancelled and their callbacks run there. {@code run} returns after the reactor
 * stopped.
 */
public final class DeferCancel13 extends Example {

    private static final Duration POEM_DELAY = Duration.ofMillis(100);
    private static final Duration TRANSFORM_DELAY = Duration.ofMillis(500);
    private static final Duration CANCEL_DELAY = Duration.ofMillis(300);
    private static final Duration STOP_DELAY = Duration.ofMillis(1000);

    public DeferCancel13() {
        super("defer-cancel-13", 19, "callLater cancels an outer Deferred paused on an inner one (1 s)");
    }

    /** The outer operation: a poem 0.1 s later. Its canceller would stop the download. */
    private static Deferred<String> getPoem(Reactor reactor, PrintStream out) {
        DelayedCall[] download = new DelayedCall[1]; // set below, before anyone can cancel
        Deferred<String> d = new Deferred<>(cancelled -> {
            out.println("outer canceller: stopping the download");
            download[0].cancel();
        });
        download[0] = reactor.callLater(POEM_DELAY, () -> {
            out.println("poem downloaded");
            d.callback("Once upon a midnight dreary");
        });
        return d;
    }

    /** The inner operation: the poem in lower case, half a second later. Its canceller stops the timer. */
    private static Deferred<String> transform(Reactor reactor, String poem, PrintStream out) {
        DelayedCall[] work = new DelayedCall[1]; // set below, before anyone can cancel
        Deferred<String> d = new Deferred<>(cancelled -> {
            out.println("inner canceller: stopping the transform");
            work[0].cancel();
        });
        work[0] = reactor.callLater(TRANSFORM_DELAY, () -> {
            out.println("poem transformed");
            d.callback(poem.toLowerCase());
        });
        return d;
    }

    @Override
    public void run(PrintStream out) throws Exception {
        Callback<Failure, Failure> innerErrback = err -> {
            out.println("inner errback got: " + err);
            return err; // passed on, to the outer chain
        };
        Callback<Object, Void> gotPoem = poem -> {
            out.println("outer callback got: " + poem);
            return null;
        };
        Callback<Failure, Void> outerErrback = err -> {
            out.println("outer errback got: " + err);
            return null;
        };

        out.println("Download at 0.1 s, then a transform due half a second later; cancel at 0.3 s.");
        try (Reactor reactor = Reactor.open()) {
            reactor.callLater(STOP_DELAY, reactor::stop); // stop the reactor in a second

            Deferred<String> outer = getPoem(reactor, out);
            outer.addCallback(poem -> {
                out.println("outer callback: transforming the poem, returning the inner deferred");
                Deferred<String> inner = transform(reactor, poem, out);
                inner.addErrback(innerErrback);
                return inner;
            });
            outer.addCallbacks(gotPoem, outerErrback);

            reactor.callLater(CANCEL_DELAY, () -> {
                out.println("canceling outer deferred, paused on the inner one.");
                outer.cancel();
            });

            Loops.run(reactor, name());
        }
        out.println("reactor stopped");
        out.println();
        out.println("The outer deferred had its result, the poem, so its own canceller did not run:");
        out.println("there was no download left to stop. Cancelling it cancelled the deferred it was");
        out.println("waiting on, and that one's canceller stopped the transform; its failure then");
        out.println("went down the outer chain. No transformed poem was ever made.");
    }
}
