package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import java.time.Duration;
import org.slowpoetry.defer.Callback;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.Failure;
import org.slowpoetry.reactor.Reactor;

/**
 * {@code defer-cancel-9}, the text's {@code deferred-cancel/defer-cancel-9.py} (Part 19): the
 * Deferred of an asynchronous operation: {@code getPoem} returns at once, and the reactor fires the
 * Deferred with a poem later. The reactor is stopped by a timer, not by the callback, for the sake
 * of the next two examples.
 *
 * <p>The text's delays (poem after 5 s, stop after 10 s) are a tenth here.
 *
 * <p><b>Threading:</b> the reactor runs on a thread of its own ({@link Loops#run}); the Deferred
 * is fired and its callbacks run there. {@code run} returns after the reactor stopped.
 */
public final class DeferCancel9 extends Example {

    private static final Duration POEM_DELAY = Duration.ofMillis(500);
    private static final Duration STOP_DELAY = Duration.ofMillis(1000);

    public DeferCancel9() {
        super("defer-cancel-9", 19, "a poem half a second later, from the reactor (1 s)");
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

            Loops.run(reactor, name());
        }
    }
}
