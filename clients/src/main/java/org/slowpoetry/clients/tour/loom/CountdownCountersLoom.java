package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.StructuredTaskScope;
import org.slowpoetry.time.MonotonicClock;

/**
 * {@code countdown-counters-loom}, the Loom twin of {@code countdown-counters} (Part 3, exercise 1):
 * three countdowns at different rates, each a plain loop on a virtual thread of its own, all three
 * forked into one scope. The original keeps a list of running counters and stops the reactor when
 * the last one is removed; here that bookkeeping is the scope's: {@code join()} returns when every
 * subtask has returned.
 *
 * <p>Each counter sleeps until its next count is due, on a fixed grid from one common start, so
 * after the first counts the lines come in the original's order: no two later counts fall due
 * within 40 ms of each other, and {@link PrintStream#println} writes each line whole.
 *
 * <p><b>What differs.</b> The counters run in parallel now (on as many carriers as there are
 * cores), where the reactor interleaved them on one thread. The three first counts fall due
 * together, at the start; the reactor ran them one after another in the order the counters were
 * started, A, B, C, but three threads print them in whatever order they get there. The twin says
 * so after its last line, and its expected output lets those three lines come in any order.
 *
 * <p><b>Threading:</b> {@link #run} owns the scope; each counter runs on its own virtual thread,
 * and all have ended when {@code run} returns. The counters share only {@code out}.
 */
public final class CountdownCountersLoom extends LoomTwin {

    private final MonotonicClock clock = MonotonicClock.system();

    public CountdownCountersLoom() {
        super("countdown-counters", 3, "three loops on three virtual threads; the scope's join() waits for all");
    }

    @Override
    public void run(PrintStream out) throws InterruptedException {
        out.println("A counts down from 3 every 0.12 s, B from 4 every 0.16 s, C from 5 every 0.2 s.");
        out.println("Start!");
        long start = clock.nanoTime(); // one starting time for all three
        try (var scope = StructuredTaskScope.open()) {
            scope.fork(() -> countdown(out, "A", 3, Duration.ofMillis(120), start));
            scope.fork(() -> countdown(out, "B", 4, Duration.ofMillis(160), start));
            scope.fork(() -> countdown(out, "C", 5, Duration.ofMillis(200), start));
            scope.join(); // returns once all three have: the original's list of running counters
        }
        out.println("Stop!");
        out.println("(The first three counts fell due together; the three threads printed them in the order they ran.)");
    }

    /** One counter: counts now, then every {@code every} after {@code start}, on a fixed grid. */
    private Void countdown(PrintStream out, String name, int from, Duration every, long start)
            throws InterruptedException {
        long due = start;
        for (int counter = from; counter > 0; counter--) {
            out.println(name + ": " + counter + " ...");
            due += every.toNanos(); // from when this count was due, not from now
            clock.sleep(Duration.ofNanos(Math.max(0, due - clock.nanoTime())));
        }
        out.println(name + ": done");
        return null;
    }
}
