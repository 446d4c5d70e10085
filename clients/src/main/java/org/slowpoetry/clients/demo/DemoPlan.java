package org.slowpoetry.clients.demo;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.slowpoetry.servers.Poem;

/**
 * The servers the demo starts, paced as in Part 2: the long poem 30 bytes a send, the others 10,
 * so that all three take about as long; between sends the text's 0.1 s divided by {@code speed}.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param servers one per poem, the long one first
 * @param speed   how much faster than the text's pace (1 = 0.1 s between sends)
 */
record DemoPlan(List<Server> servers, double speed) {
    /** The text's pause between sends. */
    static final Duration TEXT_DELAY = Duration.ofMillis(100);
    /** What the default speed aims at: a run of each of {@link DemoCommand#DEFAULT_STYLES}, together. */
    static final Duration DEFAULT_BUDGET = Duration.ofSeconds(20);
    /**
     * How many of the default styles fetch every poem at once (threaded, select, reactor, loom), each taking
     * about as long as the longest poem; the other one (blocking) takes the sum of them all.
     */
    static final int DEFAULT_ALL_AT_ONCE_RUNS = 4;
    static final int LONG_POEM_BYTES = 30;
    static final int SHORT_POEM_BYTES = 10;

    DemoPlan {
        servers = List.copyOf(servers);
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("no servers");
        }
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number: " + speed);
        }
    }

    /** One server: its poem and bytes per send. */
    record Server(Poem poem, int numBytes) {
        Server {
            Objects.requireNonNull(poem, "poem");
        }

        /** How many sends the poem takes. */
        int sends() {
            return (poem.size() + numBytes - 1) / numBytes;
        }
    }

    /**
     * The plan for {@code poems} (the long one first, as {@link DemoPoems#load()} gives them) at
     * {@code speed}, or when it is empty at the speed that makes the default styles' runs (one poem
     * after another once, all at once {@link #DEFAULT_ALL_AT_ONCE_RUNS} times) take about
     * {@link #DEFAULT_BUDGET} together (at least 1: never slower than the text). The default speed
     * does not depend on {@code --styles}, so runs of different styles stay comparable.
     */
    static DemoPlan of(List<Poem> poems, OptionalDouble speed) {
        List<Server> servers = poems.stream()
                .map(p -> new Server(p, p == poems.getFirst() ? LONG_POEM_BYTES : SHORT_POEM_BYTES))
                .toList();
        if (speed.isPresent()) {
            return new DemoPlan(servers, speed.getAsDouble());
        }
        int sum = servers.stream().mapToInt(Server::sends).sum();
        int max = servers.stream().mapToInt(Server::sends).max().orElse(0);
        double atTextPace = (sum + DEFAULT_ALL_AT_ONCE_RUNS * max) * TEXT_DELAY.toNanos() / 1e9;
        double fitting = Math.round(atTextPace / DEFAULT_BUDGET.toSeconds() * 10) / 10.0;
        return new DemoPlan(servers, Math.max(1.0, fitting));
    }

    /** The pause between sends: the text's 0.1 s divided by the speed. */
    Duration delay() {
        return Duration.ofNanos(Math.round(TEXT_DELAY.toNanos() / speed));
    }

    /** Every byte of every poem: what each client run should receive. */
    long totalBytes() {
        return servers.stream().mapToLong(s -> s.poem().size()).sum();
    }
}
