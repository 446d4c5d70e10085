package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Consumer;
import org.slowpoetry.defer.Callback;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.Failure;
import org.slowpoetry.reactor.DelayedCall;
import org.slowpoetry.reactor.Reactor;

/**
 * {@code defer-cancel-11}, the text's {@code deferred-cancel/defer-cancel-11.py} (Part 19):
 * defer-cancel-10, with a canceller: {@code getPoem} cancels its timer when its Deferred is
 * cancelled, so the poem is never sent. Now the operation is really aborted.
 *
 * <p>The text's delays (poem after 5 s, cancel after 2 s, stop after 10 s) are a tenth here.
 *
 * <p><b>Threading:</b> the reactor runs on a thread of its own ({@link Loops#run}); the Deferred
 * is fired, cancelled and its callbacks run there. {@code run} returns after the reactor stopped.
 */
public final class DeferCancel11 extends Example {

    private static final Duration POEM_DELAY = Duration.ofMillis(500);
    private static final Duration CANCEL_DELAY = Duration.ofMillis(200);
    private static final Duration STOP_DELAY = Duration.ofMillis(1000);

    public DeferCancel11() {
        super("defer-cancel-11", 19, "with a canceller that cancels the timer, cancelling really stops the work (1 s)");
    }

    private static void sendPoem(Deferred<String> d, PrintStream out) {
        out.println("Sending poem");
        d.callback("Once upon a midnight dreary");
    }

    /** Returns a poem 5 seconds (here half a second) later. */
    private static Deferred<String> getPoem(Reactor reactor, PrintStream out) {
        DelayedCall[] delayedCall = new DelayedCall[1]; // set below, before anyone can cancel

        Consumer<Deferred<String>> canceller = d -> {
            // They no longer want the poem, so cancel the timer that would send it.
            delayedCall[0].cancel();
            // Here the canceller may also choose how the Deferred ends:
            //   do nothing, and it fails with CancelledException (what we do);
            //   fire it with d.errback(...), an error of our own;
            //   fire it with d.callback(...), some other result.
        };

        Deferred<String> d = new Deferred<>(canceller);
        delayedCall[0] = reactor.callLater(POEM_DELAY, () -> sendPoem(d, out));
        return d;
    }

    @Override
    public void run(PrintStream out) throws Exception {
        Callback<String, Void> gotPoem = poem -> {
            out.println("I got a poem: " + poem);
            return null;
        };
        Callback<Failure, Void> poemError = err -> {
            out.println("get_poem failed: " + err);
            return null;
        };

        try (Reactor reactor = Reactor.open()) {
            reactor.callLater(STOP_DELAY, reactor::stop); // stop the reactor in a second

            Deferred<String> d = getPoem(reactor, out);
            d.addCallbacks(gotPoem, poemError);
            reactor.callLater(CANCEL_DELAY, d::cancel); // cancel after 0.2 s

            Loops.run(reactor, name());
        }
    }
}
