package org.slowpoetry.bench.load;

import java.util.List;

/**
 * The sizes and timings of one {@code bench load} run: {@link #full()} (about ten minutes on two
 * quiet cores, well under thirty on busy ones) or {@link #quick()} (about two minutes).
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param name                   {@code full} or {@code quick}
 * @param repeat                 measurements of each cell, interleaved across rows
 * @param fastClients            N for {@link Scenario#FAST}
 * @param largeClients           clients for {@link Scenario#FAST_LARGE}
 * @param largeBytes             the size of its generated poem
 * @param holdConnections        C for {@link Scenario#SLOW_HOLD} (capped by the open-file limit)
 * @param holdNumBytes           the slow server's bytes per send while holding
 * @param holdDelaySeconds       and its delay: long, so holding is nearly idle
 * @param throughputClients      C for {@link Scenario#SLOW_THROUGHPUT}
 * @param throughputNumBytes     the slow server's bytes per send there
 * @param throughputDelaySeconds and its delay: small, so timers and scheduling are what is measured
 * @param timeoutSeconds         each load-generator run's deadline
 * @param warmupRuns             unmeasured runs against each server of a fetch scenario first
 */
record Plan(
        String name,
        int repeat,
        List<Integer> fastClients,
        int largeClients,
        int largeBytes,
        List<Integer> holdConnections,
        int holdNumBytes,
        double holdDelaySeconds,
        List<Integer> throughputClients,
        int throughputNumBytes,
        double throughputDelaySeconds,
        double timeoutSeconds,
        int warmupRuns) {

    /** Blocking rows are skipped where serving clients one after another would take longer. */
    static final double MAX_BLOCKING_SECONDS = 20;

    static Plan full() {
        return new Plan("full", 3, List.of(100, 1_000, 10_000), 100, 1 << 20,
                List.of(1_000, 10_000, Integer.MAX_VALUE), 10, 30,
                List.of(10, 1_000, 5_000, 10_000), 256, 0.02, 90, 2);
    }

    static Plan quick() {
        return new Plan("quick", 2, List.of(100, 1_000), 100, 1 << 20,
                List.of(1_000), 10, 30,
                List.of(10, 1_000), 256, 0.02, 30, 1);
    }

    /** A tiny plan for tests: every scenario, one repeat, a handful of clients. */
    static Plan tiny() {
        return new Plan("tiny", 1, List.of(5), 3, 64 * 1024, List.of(20), 10, 30, List.of(4), 1024, 0.01, 20, 0);
    }

    Plan withRepeat(int r) {
        return new Plan(name, r, fastClients, largeClients, largeBytes, holdConnections, holdNumBytes,
                holdDelaySeconds, throughputClients, throughputNumBytes, throughputDelaySeconds, timeoutSeconds, warmupRuns);
    }

    /** The same plan with {@code sizes} for every scenario (fast-large takes the first). */
    Plan withSizes(List<Integer> sizes) {
        return new Plan(name, repeat, sizes, sizes.getFirst(), largeBytes, sizes, holdNumBytes, holdDelaySeconds,
                sizes, throughputNumBytes, throughputDelaySeconds, timeoutSeconds, warmupRuns);
    }

    /** The sizes of {@code scenario}. */
    List<Integer> sizes(Scenario scenario) {
        return switch (scenario) {
            case FAST -> fastClients;
            case FAST_LARGE -> List.of(largeClients);
            case SLOW_HOLD -> holdConnections;
            case SLOW_THROUGHPUT -> throughputClients;
        };
    }

    /**
     * The ideal time for one slow-throughput client, for a poem of {@code poemBytes}: the poem in
     * ⌈poem bytes / num-bytes⌉ sends, the first at once and each next one a delay later, as all
     * our servers (and Netty's and Twisted's here) pace it.
     */
    double idealSlowSeconds(int poemBytes) {
        long sends = (poemBytes + throughputNumBytes - 1) / throughputNumBytes;
        return (sends - 1) * throughputDelaySeconds;
    }
}
