package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.InlineCallbacks;
import org.slowpoetry.reactor.Reactor;

/**
 * {@code inline-callbacks-tb}, after the text's {@code inline-callbacks/inline-callbacks-tb.py}
 * (Part 17): who calls the code in an inline-callbacks body? The text prints the stack from inside
 * its generator and finds {@code reactor.run()} at the top, our code at the bottom: inline
 * callbacks do not change the rules, the reactor still calls everything, one callback at a time.
 *
 * <p>Our body runs on a virtual thread of its own, so its own stack shows only the body. The
 * rest of the story is on the loop thread, which is parked, waiting for the body to await or
 * end: its stack has {@code Reactor.run} at the bottom (Java prints the innermost frame first),
 * then the callback that started the body, then {@code InlineCallbacks.run} handing the body the
 * baton. So the example prints both stacks.
 *
 * <p><b>Threading:</b> the reactor runs on a thread of its own ({@link Loops#run}); the body on a
 * virtual thread, while the loop thread waits for it (which is why its stack holds still to be
 * read).
 */
public final class InlineCallbacksTb extends Example {

    public InlineCallbacksTb() {
        super("inline-callbacks-tb", 17, "the stacks under an inline-callbacks body: the reactor still calls it");
    }

    @Override
    public void run(PrintStream out) throws Exception {
        try (Reactor reactor = Reactor.open()) {
            reactor.callWhenRunning(() -> myCallbacks(reactor, Thread.currentThread(), out));
            Loops.run(reactor, name());
        }
    }

    private static Deferred<Void> myCallbacks(Reactor reactor, Thread loopThread, PrintStream out) {
        return InlineCallbacks.run(reactor, ic -> {
            ic.await(Deferred.succeed(1));

            out.println("The body's own stack, on its virtual thread:");
            new Exception("Stack trace").printStackTrace(out); // Python's traceback.print_stack()
            out.println("The loop thread's stack, parked until the body awaits or ends:");
            for (StackTraceElement frame : loopThread.getStackTrace()) {
                out.println("\tat " + frame);
            }

            reactor.stop();
            return null;
        });
    }
}
