package org.slowpoetry.clients.tour.reactor;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import org.slowpoetry.clients.tour.TourExample;
import org.slowpoetry.reactor.Reactor;

/**
 * Part 3's {@code hello.py}: our first callback. {@code callWhenRunning} hands the reactor a
 * function to call once its loop has started; the reactor, not our code, calls it.
 *
 * <p>After the hello, the text's reactor has nothing left to do and is stuck until you press
 * Control-C. Ours is stuck for {@link #STUCK_FOR}, then a {@code callLater} stops it, and the
 * program says so.
 *
 * <p><b>Threading:</b> the reactor and the callback run on the thread calling {@link #run}.
 */
public final class HelloExample implements TourExample {
    /** How long our reactor stays stuck before it stops. */
    static final Duration STUCK_FOR = Duration.ofMillis(500);

    @Override
    public String name() {
        return "hello";
    }

    @Override
    public int part() {
        return 3;
    }

    @Override
    public String summary() {
        return "callWhenRunning: the reactor calls our code once it runs (stops after 0.5 s)";
    }

    @Override
    public void run(PrintStream out) throws IOException {
        try (Reactor reactor = Reactor.open()) {
            reactor.callWhenRunning(() -> hello(out)); // called back once the loop runs
            reactor.callLater(STUCK_FOR, reactor::stop);  // the text's program never stops by itself
            out.println("Starting the reactor.");
            reactor.run();
            out.println("(The text's reactor is stuck here until you press Control-C;"
                    + " this one stopped after 0.5 s.)");
        }
    }

    private static void hello(PrintStream out) {
        out.println("Hello from the reactor loop!");
        out.println("Lately I feel like I'm stuck in a rut.");
    }
}
