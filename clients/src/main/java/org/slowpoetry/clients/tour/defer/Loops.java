package org.slowpoetry.clients.tour.defer;

import java.time.Duration;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.reactor.ReactorThread;

/**
 * The reactor chore of the examples that need one (defer-8, defer-9, the inline-callbacks
 * examples, defer-cancel-9 to 11 and 13): running it the way the text's {@code reactor.run()} does. (An
 * inline-callbacks body holds the loop while it runs, so it calls {@code reactor.callLater} and
 * {@code reactor.stop()} directly, as a callback would.)
 *
 * <p><b>Threading:</b> {@link #run} on the thread that opened the reactor.
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
}
