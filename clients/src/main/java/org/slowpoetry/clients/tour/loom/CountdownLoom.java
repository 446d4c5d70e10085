package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.StructuredTaskScope;
import org.slowpoetry.time.MonotonicClock;

/**
 * {@code countdown-loom}, the Loom twin of {@code countdown} (Part 3): the countdown is a loop on a
 * virtual thread that sleeps between counts. Where the reactor version's {@code count} schedules
 * the next call with {@code callLater} and the last one calls {@code reactor.stop()}, here the
 * thread simply sleeps on the clock, and the loop's end is the countdown's end: the subtask
 * returns, and the owner's {@code scope.join()}, the twin of {@code reactor.run()}, returns with
 * it, so {@code "Stop!"} is printed after the countdown, as in the original.
 *
 * <p>Sleeping parks the virtual thread and frees its carrier, as the reactor is free between
 * timers. Like the original's {@code callLater} from "now", each sleep counts from the end of the
 * previous count, so lateness adds up (see {@code countdown-looping-loom} for a fixed rate).
 *
 * <p><b>Threading:</b> {@link #run} owns the scope; the countdown runs on one virtual thread of
 * it, which has ended when {@code run} returns.
 */
public final class CountdownLoom extends LoomTwin {
    /** Time between counts: the original's tick, the text's one second scaled down to a tenth. */
    private static final Duration TICK = Duration.ofMillis(100);

    private final MonotonicClock clock = MonotonicClock.system();

    public CountdownLoom() {
        super("countdown", 3, "callLater -> Thread.sleep on a virtual thread; reactor.stop -> the subtask returns");
    }

    @Override
    public void run(PrintStream out) throws InterruptedException {
        out.println("Start!");
        try (var scope = StructuredTaskScope.open()) {
            scope.fork(() -> countdown(out));
            scope.join(); // the twin of reactor.run(): returns once the countdown has returned
        }
        out.println("Stop!");
    }

    private Void countdown(PrintStream out) throws InterruptedException {
        for (int counter = 5; counter > 0; counter--) {
            out.println(counter + " ...");
            clock.sleep(TICK); // the twin of callLater(TICK, count): park, and go on from here
        }
        return null;
    }
}
