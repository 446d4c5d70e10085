package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.StructuredTaskScope;
import org.slowpoetry.time.MonotonicClock;

/**
 * {@code countdown-looping-loom}, the Loom twin of {@code countdown-looping} (Part 3, exercise 2):
 * a {@code LoopingCall} is a loop. The original hands its count to a looping call that calls it
 * every tick and stops the loop and the reactor at zero; here the virtual thread's own
 * {@code while} loop counts, and {@code break} is the looping call's {@code stop()}.
 *
 * <p>As a {@code LoopingCall} does, it keeps a fixed rate: each count is due a whole tick after the
 * previous one was <em>due</em>, and the thread sleeps only for what is left of the tick, so a
 * late count does not push the later ones back ({@code countdown-loom} sleeps a whole tick after
 * each count instead).
 *
 * <p><b>Threading:</b> {@link #run} owns the scope; the loop runs on one virtual thread of it,
 * which has ended when {@code run} returns.
 */
public final class CountdownLoopingLoom extends LoomTwin {
    /** Time between counts: the original's tick, a tenth of the text's second. */
    private static final Duration TICK = Duration.ofMillis(100);

    private final MonotonicClock clock = MonotonicClock.system();

    public CountdownLoopingLoom() {
        super("countdown-looping", 3, "LoopingCall -> a loop that sleeps to the next tick; stop() -> break");
    }

    @Override
    public void run(PrintStream out) throws InterruptedException {
        out.println("Start!");
        try (var scope = StructuredTaskScope.open()) {
            scope.fork(() -> loop(out));
            scope.join();
        }
        out.println("Stop!");
    }

    /** The looping call and its count in one: the first count now, then one every tick. */
    private Void loop(PrintStream out) throws InterruptedException {
        int counter = 5;
        long due = clock.nanoTime();
        while (true) {
            if (counter == 0) {
                break; // the twin of loop.stop() and reactor.stop()
            }
            out.println(counter + " ...");
            counter--;
            due += TICK.toNanos();
            clock.sleep(Duration.ofNanos(Math.max(0, due - clock.nanoTime())));
        }
        return null;
    }
}
