package org.slowpoetry.bench.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slowpoetry.reactor.AcceptModel;
import org.slowpoetry.servers.ServerKind;

/**
 * One row of the benchmark: a server implementation, run in its own process.
 *
 * <p><b>Threading:</b> immutable values.
 */
sealed interface Contender {

    /** The row's name in tables and {@code --impls}. */
    String label();

    /**
     * The command that starts it serving {@code poem} as {@code kind}, printing its port. With
     * {@code runtimeStats} false our JVMs run without their in-process JFR sampler (for memory
     * measurements); the others have none.
     */
    List<String> command(ServerKind kind, Path poem, int numBytes, double delaySeconds, List<String> jvmArgs,
            boolean runtimeStats);

    /** Whether the harness can ask it for its heap ({@code stats} on stdin). */
    boolean answersStats();

    /**
     * One of our {@code ServerImpl} plugins, run by {@code slowpoetry bench server}.
     *
     * @param label    the row name ({@code reactor-poll} for impl {@code reactor} on the poll selector)
     * @param impl     the {@code --impl} name
     * @param selector the reactor's selector ({@code epoll} or {@code poll}); others ignore it
     * @param loops    the reactor's {@code --loops}, or 0 for the server's default (the number of
     *                 cores); others ignore it
     * @param accept   the reactor's accept model ({@code handoff}) given to its JVM as
     *                 {@code -Dslowpoetry.reactor.accept}, or null for the default; others ignore it
     */
    record JavaServer(String label, String impl, String selector, int loops, String accept) implements Contender {
        @Override
        public List<String> command(ServerKind kind, Path poem, int numBytes, double delaySeconds,
                List<String> jvmArgs, boolean runtimeStats) {
            // the reactor's poll selector is the JDK's PollSelectorProvider, in a package java.base does not export
            var jvm = new ArrayList<String>(List.of("-Xmx1g", "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED"));
            if (accept != null) {
                jvm.add("-D" + AcceptModel.PROPERTY + "=" + accept);
            }
            jvm.addAll(jvmArgs);
            var args = new ArrayList<String>(List.of("bench", "server", kind.command(), "--impl", impl,
                    "--selector", selector, "--num-bytes", Integer.toString(numBytes),
                    "--delay", Double.toString(delaySeconds)));
            if (loops > 0) {
                args.addAll(List.of("--loops", Integer.toString(loops)));
            }
            if (!runtimeStats) {
                args.add("--no-runtime-stats");
            }
            args.add(poem.toString());
            return ChildProcess.javaCommand(jvm, args);
        }

        @Override
        public boolean answersStats() {
            return true;
        }
    }

    /** Our Twisted program ({@code bench/peers/twisted_poetry.py}) on Debian's Python and Twisted. */
    record TwistedServer(Path python, Path script) implements Contender {
        /**
         * The listen backlog we give Twisted: the one Netty and our loom server use (the kernel caps
         * it at {@code somaxconn}), not Twisted's default of 50, so that a burst of connects measures
         * the serving style rather than a default that overflows the accept queue.
         */
        static final int BACKLOG = 4096;

        @Override
        public String label() {
            return "twisted";
        }

        @Override
        public List<String> command(ServerKind kind, Path poem, int numBytes, double delaySeconds,
                List<String> jvmArgs, boolean runtimeStats) {
            return List.of(python.toString(), script.toString(), "--kind", kind.command(), "--port", "0",
                    "--num-bytes", Integer.toString(numBytes), "--delay", Double.toString(delaySeconds),
                    "--backlog", Integer.toString(BACKLOG), "--stop-on-eof", poem.toString());
        }

        @Override
        public boolean answersStats() {
            return false;
        }
    }

    /** The largest burst of connects the blocking row is measured against. */
    int MAX_BLOCKING_BURST = 100;

    /**
     * Why {@code scenario} at size {@code param} is not run for this contender, if it is not.
     *
     * @param idealSlowSeconds one slow-throughput client's ideal time
     */
    default Optional<String> skip(Scenario scenario, int param, double idealSlowSeconds) {
        if (this instanceof JavaServer j && j.impl().equals("blocking")) {
            if (scenario == Scenario.FAST && param > MAX_BLOCKING_BURST) {
                return Optional.of(String.format("blocking listens with the text's backlog of 50: a burst of %,d"
                        + " connects overflows the accept queue, and Linux leaves those clients waiting for SYN-ACK"
                        + " retransmits (1, 3, 7, 15, 31 s after the first)", param));
            }
            if (scenario == Scenario.SLOW_HOLD) {
                return Optional.of("blocking serves one connection at a time: of " + param
                        + " held connections it would serve 1");
            }
            if (scenario == Scenario.SLOW_THROUGHPUT) {
                double serial = param * idealSlowSeconds;
                if (serial > Plan.MAX_BLOCKING_SECONDS) {
                    return Optional.of(String.format("blocking serves one client at a time: C = %,d would take"
                            + " %,d × %.2f s = %,.0f s", param, param, idealSlowSeconds, serial));
                }
            }
        }
        return Optional.empty();
    }
}
