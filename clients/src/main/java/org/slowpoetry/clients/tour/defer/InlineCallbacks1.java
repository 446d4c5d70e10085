package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import java.time.Duration;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.InlineCallbacks;
import org.slowpoetry.reactor.Reactor;

/**
 * {@code inline-callbacks-1}, the text's {@code inline-callbacks/inline-callbacks-1.py}
 * (Part 17): a body of sequential code that awaits Deferreds, run by
 * {@link InlineCallbacks#run}. Where the text's generator says {@code result = yield d}, the body
 * says {@code result = ic.await(d)}: it stops there until {@code d} fires, while the reactor
 * goes on, and then carries on with the result, or with the exception thrown at the
 * {@code await}, to be caught with an ordinary {@code try}.
 *
 * <p>Python can {@code yield} a plain value too, which comes right back; here the body awaits a
 * Deferred that already has its result ({@link Deferred#succeed}), which comes right back just
 * the same. The text's 5-second delays are 0.5 s here.
 *
 * <p><b>Threading:</b> the reactor runs on a thread of its own ({@link Loops#run}); the body on
 * a virtual thread, only while the loop thread waits for it, so it sees the same one-at-a-time
 * world as a callback.
 */
public final class InlineCallbacks1 extends Example {

    /** The text's 5 seconds, scaled down. */
    private static final Duration DELAY = Duration.ofMillis(500);

    public InlineCallbacks1() {
        super("inline-callbacks-1", 17, "sequential code that awaits Deferreds, on the reactor (1 s)");
    }

    @Override
    public void run(PrintStream out) throws Exception {
        try (Reactor reactor = Reactor.open()) {
            reactor.callWhenRunning(() -> myCallbacks(reactor, out));
            Loops.run(reactor, name());
        }
    }

    /** The text's {@code @inlineCallbacks} generator {@code my_callbacks()}. */
    private static Deferred<Void> myCallbacks(Reactor reactor, PrintStream out) {
        return InlineCallbacks.run(reactor, ic -> {
            out.println("first callback");
            Object result = ic.await(Deferred.succeed(1)); // a Deferred with a result comes right back

            out.println("second callback got " + result);
            Deferred<Integer> d = new Deferred<>();
            reactor.callLater(DELAY, () -> d.callback(2));
            result = ic.await(d); // the body stops here until d fires; the reactor runs on

            out.println("third callback got " + result); // the result of the Deferred
            Deferred<Integer> d2 = new Deferred<>();
            reactor.callLater(DELAY, () -> d2.errback(new Exception("3")));
            try {
                ic.await(d2);
            } catch (Exception e) {
                result = e;
            }

            out.println("fourth callback got " + result); // the exception the Deferred failed with
            reactor.stop();
            return null;
        });
    }
}
