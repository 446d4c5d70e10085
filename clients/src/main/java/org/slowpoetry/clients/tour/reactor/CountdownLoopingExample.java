package org.slowpoetry.clients.tour.reactor;

import java.io.IOException;
import java.io.PrintStream;
import org.slowpoetry.clients.tour.TourExample;
import org.slowpoetry.reactor.LoopingCall;
import org.slowpoetry.reactor.Reactor;

/**
 * Part 3's second exercise: {@link CountdownExample} rewritten with a {@link LoopingCall}, which
 * calls the count every {@link CountdownExample#TICK} for us. The count no longer schedules itself:
 * it only counts, and on reaching zero stops the looping call and the reactor. As the exercise
 * says, only {@code start} and {@code stop} are needed; the completion listeners (the seam for a
 * Deferred, Part 7 onwards) are not.
 *
 * <p><b>Threading:</b> the reactor, the looping call and the count run on the thread calling
 * {@link #run}.
 */
public final class CountdownLoopingExample implements TourExample {

    @Override
    public String name() {
        return "countdown-looping";
    }

    @Override
    public int part() {
        return 3;
    }

    @Override
    public String summary() {
        return "exercise 2: the countdown with a LoopingCall's start and stop (every 0.1 s)";
    }

    @Override
    public void run(PrintStream out) throws IOException {
        try (Reactor reactor = Reactor.open()) {
            var countdown = new Countdown(reactor, out);
            reactor.callWhenRunning(countdown::start);
            out.println("Start!");
            reactor.run();
            out.println("Stop!");
        }
    }

    /** The countdown, now driven by a looping call. Reactor thread only. */
    private static final class Countdown {
        private final Reactor reactor;
        private final PrintStream out;
        private final LoopingCall loop;
        /** The next number to print; written and read by {@link #count} on the reactor thread. */
        private int counter = 5;

        Countdown(Reactor reactor, PrintStream out) {
            this.reactor = reactor;
            this.out = out;
            this.loop = new LoopingCall(reactor, this::count);
        }

        void start() {
            loop.start(CountdownExample.TICK, true); // the first count now, then one every tick
        }

        private void count() {
            if (counter == 0) {
                loop.stop();
                reactor.stop();
            } else {
                out.println(counter + " ...");
                counter--;
            }
        }
    }
}
