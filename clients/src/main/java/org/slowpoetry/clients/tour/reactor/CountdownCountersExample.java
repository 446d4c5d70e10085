package org.slowpoetry.clients.tour.reactor;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slowpoetry.clients.tour.TourExample;
import org.slowpoetry.reactor.Reactor;

/**
 * Part 3's first exercise: three countdowns running independently at different rates on one
 * reactor; the reactor stops when the last one has finished. Nothing runs in parallel: the one
 * loop interleaves the counters' timed calls, each call short.
 *
 * <p>Counter A counts down from 3 every 0.12 s, B from 4 every 0.16 s, C from 5 every 0.2 s
 * from one common start (no two counts fall due within 40 ms of each other, so the order they
 * print in is fixed).
 *
 * <p>Unlike {@link CountdownExample}, each counter schedules its next count from the time the
 * current one was <em>due</em>, not from when it ran. Each {@code callLater} from "now" adds the
 * loop's lateness to every later count, and the lateness differs from counter to counter, so under
 * load their rates would drift apart and their lines could swap places. Counting from the due
 * time keeps each on its own fixed grid, as {@code LoopingCall} does: a count that runs late is
 * still followed by the next on time, and late counts run in the order they were due.
 *
 * <p><b>Threading:</b> the reactor and the callbacks run on the thread calling {@link #run}.
 */
public final class CountdownCountersExample implements TourExample {

    @Override
    public String name() {
        return "countdown-counters";
    }

    @Override
    public int part() {
        return 3;
    }

    @Override
    public String summary() {
        return "exercise 1: three countdowns at different rates; the reactor stops when all are done (1 s)";
    }

    @Override
    public void run(PrintStream out) throws IOException {
        try (Reactor reactor = Reactor.open()) {
            List<Countdown> running = new ArrayList<>(); // reactor thread only
            Consumer<Countdown> finished = countdown -> {
                running.remove(countdown);
                if (running.isEmpty()) {
                    reactor.stop();
                }
            };
            List<Countdown> counters = List.of(
                    new Countdown(reactor, out, "A", 3, Duration.ofMillis(120), finished),
                    new Countdown(reactor, out, "B", 4, Duration.ofMillis(160), finished),
                    new Countdown(reactor, out, "C", 5, Duration.ofMillis(200), finished));
            running.addAll(counters);
            reactor.callWhenRunning(() -> {
                long start = reactor.clock().nanoTime(); // one starting time for all three
                counters.forEach(countdown -> countdown.start(start));
            });
            out.println("A counts down from 3 every 0.12 s, B from 4 every 0.16 s, C from 5 every 0.2 s.");
            out.println("Start!");
            reactor.run();
            out.println("Stop!");
        }
    }

    /** One counter. Reactor thread only. */
    private static final class Countdown {
        private final Reactor reactor;
        private final PrintStream out;
        private final String name;
        private final Duration every;
        private final Consumer<Countdown> finished;
        /** The next number to print; written and read by {@link #count} on the reactor thread. */
        private int counter;
        /** When the next count is due, on the reactor's clock (ns); reactor thread only. */
        private long due;

        Countdown(Reactor reactor, PrintStream out, String name, int from, Duration every,
                Consumer<Countdown> finished) {
            this.reactor = reactor;
            this.out = out;
            this.name = name;
            this.counter = from;
            this.every = every;
            this.finished = finished;
        }

        /** Counts the first number now, the next ones every {@code every} after {@code start}. */
        void start(long start) {
            due = start;
            count();
        }

        private void count() {
            if (counter == 0) {
                out.println(name + ": done");
                finished.accept(this);
                return;
            }
            out.println(name + ": " + counter + " ...");
            counter--;
            due += every.toNanos(); // from when this count was due, not from now: see the class comment
            long wait = Math.max(0, due - reactor.clock().nanoTime());
            reactor.callLater(Duration.ofNanos(wait), this::count);
        }
    }
}
