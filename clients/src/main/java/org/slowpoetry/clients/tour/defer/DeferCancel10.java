package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import java.time.Duration;
import org.slowpoetry.defer.Callback;
import org.slowpoetry.defer.CancelledException;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.Failure;
import org.slowpoetry.reactor.Reactor;

/**
 * {@code defer-cancel-10}, the text's {@code deferred-cancel/defer-cancel-10.py} (Part 19):
 * defer-cancel-9, cancelled before the poem comes. The errback gets the
 * {@link CancelledException}, but the work goes on: "Sending poem" still appears, and the
 * Deferred, cancelled, ignores the late result (as in defer-cancel-4). Cancelling a Deferred does
 * not by itself stop anything.
 *
 * <p>The text's delays (poem after 5 s, cancel after 2 s, stop after 10 s) are a tenth here.
 *
 * <p><b>Threading:</b> the reactor runs on a thread of its own ({@link Loops#run}); the Deferred
 * is fired, cancelled and its callbacks run there. {@code run} returns after the reactor stopped.
 */
public final class DeferCancel10 extends Example {

    private static final Duration POEM_DELAY = Duration.ofMillis(500);
    private static final Duration CANCEL_DELAY = Duration.ofMillis(200);
    private static final Duration STOP_DELAY = Duration.ofMillis(1000);

    public DeferCancel10() {
        super("defer-cancel-10", 19, "cancel early: the errback runs, yet the poem is still sent (1 s)");
    }

    private static void sendPoem(Deferred<String> d, PrintStream out) {
        out.println("Sending poem");
        d.callback("Once upon a midnight dreary");
    }

    /** Returns a poem 5 seconds (here half a second) later. */
    private static Deferred<String> getPoem(Reactor reactor, PrintStream out) {
        Deferred<String> d = new Deferred<>();
        reactor.callLater(POEM_DELAY, () -> sendPoem(d, out));
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
