package org.slowpoetry.clients.tour.defer;

import java.time.Duration;
import org.slowpoetry.defer.InlineCallbacks;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.reactor.ReactorThread;

/**
 * The reactor chores of the examples that need one (defer-8, defer-9, the inline-callbacks
 * examples, defer-cancel-9 to 11): running it the way the text's {@code reactor.run()} does, and
 * scheduling from an inline-callbacks body.
 *
 * <p><b>Threading:</b> {@link #run} on the thread that opened the reactor;
 * {@link #callLaterFromBody} and {@link #stopFromBody} from an {@link InlineCallbacks} body (they
 * are safe from any thread).
 */
final class Loops {

    /** How long an example's reactor may run: far more than the longest example needs (1.2 s). */
    static final Duration LIMIT = Duration.ofSeconds(10);

    private Loops() {
    }

    /**
     * The text's {@code reactor.run()}: runs {@code reactor} until one of its callbacks stops it,
     * and returns once it has stopped and torn everything down. The loop runs on a thread of its
     * own, owned by this call, rather than on the caller's: should an example forget to stop its
     * reactor, this stops it after {@link #LIMIT} and throws, so the example fails instead of
     * hanging {@code tour}.
     *
     * @param name the loop thread's name
     * @throws IllegalStateException if the reactor was still running after {@link #LIMIT}
     */
    static void run(Reactor reactor, String name) throws InterruptedException {
        try (ReactorThread loop = ReactorThread.start(reactor, name)) {
            if (!loop.thread().join(LIMIT)) {
                throw new IllegalStateException(name + ": the reactor was still running after " + LIMIT
                        + "; did the example forget to stop it?");
            }
        } // close() stops the reactor, if it still runs, and joins its thread
    }

    /**
     * {@code reactor.callLater(delay, task)}, called from an {@link InlineCallbacks} body. The body
     * runs on a virtual thread of its own while the loop thread waits for it, so nothing else
     * runs meanwhile and it may use Deferreds as a callback does; but {@link Reactor}'s loop-only
     * methods check for the loop thread itself, and do not (yet) accept a body that holds the
     * loop's baton ({@link InlineCallbacks#holdsLoop}). So the body asks the loop to schedule the
     * call with {@link Reactor#callFromThread}, which is safe from any thread; the loop does it as
     * soon as the body has reached its next {@code await}.
     */
    static void callLaterFromBody(Reactor reactor, Duration delay, Runnable task) {
        reactor.callFromThread(() -> reactor.callLater(delay, task));
    }

    /** {@code reactor.stop()}, called from an {@link InlineCallbacks} body: see {@link #callLaterFromBody}. */
    static void stopFromBody(Reactor reactor) {
        reactor.callFromThread(reactor::stop);
    }
}
