package org.slowpoetry.clients.tour.reactor;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import org.slowpoetry.clients.tour.TourExample;
import org.slowpoetry.reactor.Reactor;

/**
 * Part 3's {@code countdown.py}: a program that stops all by itself. Each count schedules the next
 * with {@code callLater}; the last one calls {@code reactor.stop()}, and {@code reactor.run()}
 * returns, so {@code "Stop!"} is printed after the loop has ended.
 *
 * <p>The text counts once a second; we count every {@link #TICK}, a tenth of that, so the tour
 * stays quick. The reactor waits for a timer the way it waits for I/O: the selector's timeout is
 * the time until the next call is due.
 *
 * <p><b>Threading:</b> the reactor and the callbacks run on the thread calling {@link #run}.
 */
public final class CountdownExample implements TourExample {
    /** Time between counts: the text's one second, scaled down to a tenth. */
    static final Duration TICK = Duration.ofMillis(100);

    @Override
    public String name() {
        return "countdown";
    }

    @Override
    public int part() {
        return 3;
    }

    @Override
    public String summary() {
        return "callLater and stop: counts down 5 to 1 and stops itself (every 0.1 s; the text: every 1 s)";
    }

    @Override
    public void run(PrintStream out) throws IOException {
        try (Reactor reactor = Reactor.open()) {
            reactor.callWhenRunning(new Countdown(reactor, out)::count);
            out.println("Start!");
            reactor.run();
            out.println("Stop!");
        }
    }

    /** The text's {@code Countdown} class. Reactor thread only. */
    private static final class Countdown {
        private final Reactor reactor;
        private final PrintStream out;
        /** The next number to print; written and read by {@link #count} on the reactor thread. */
        private int counter = 5;

        Countdown(Reactor reactor, PrintStream out) {
            this.reactor = reactor;
            this.out = out;
        }

        void count() {
            if (counter == 0) {
                reactor.stop();
            } else {
                out.println(counter + " ...");
                counter--;
                reactor.callLater(TICK, this::count);
            }
        }
    }
}
