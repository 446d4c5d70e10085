package org.slowpoetry.bench.load;

import com.sun.management.UnixOperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slowpoetry.cli.UserException;
import org.slowpoetry.servers.ServerKind;

/**
 * Runs a {@link Plan}: every scenario against every row, each server in its own process, each
 * measurement driven by its own load-generator process, rows interleaved within every repeat.
 *
 * <p><b>Threading:</b> single-threaded; {@link #run()} blocks the caller for the whole run and
 * stops every process it started before it returns, normally or not.
 */
final class LoadRunner {

    /* Implementation overview
     *
     * One load-generator process serves the whole run (LoadGenSession), one request per
     * measurement, collecting its garbage before each.
     *
     * Fetch scenarios (fast, fast-large, slow-throughput) start one server per row for the whole
     * scenario, warm each up with unmeasured load-generator runs (so the JIT has compiled the
     * serving path before anything counts), then measure: for each size, for each repeat, every
     * row once, in an order rotated by the repeat number, so a slow minute of the machine falls on
     * different rows in different repeats and shows as a range rather than as a difference.
     *
     * slow-hold starts a fresh server for every measurement, because memory is what it measures and
     * a JVM does not give memory back tidily: server stats (GC, heap, RSS, threads) are taken idle,
     * then with all C connections held, and the difference is divided by C.
     */

    private static final Pattern SERVING = Pattern.compile("^Serving .* on port (\\d+)\\.$");
    /**
     * Java servers in slow-hold get a fixed heap, touched in full at start: then the heap cannot
     * grow or shrink under the measurement, so the RSS difference is what lives outside the heap
     * (thread stacks, native buffers, epoll tables), and the heap difference after a GC is what
     * lives in it (objects, and a virtual thread's stack, which is a heap object while it waits).
     */
    static final List<String> HOLD_JVM = List.of("-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch");

    /**
     * Unmeasured runs against each server before its first measurement, so that the JIT has
     * compiled its serving path: otherwise the first rows would pay for compilation in CPU time
     * that belongs to no style. ({@link Plan#warmupRuns()} of them.)
     */
    static final int WARMUP_CLIENTS = 2_000;

    /** Handshakes in flight at most while slow-hold opens its connections (a ramp, not a SYN flood). */
    static final int HOLD_CONNECTING = 256;

    /** Files a process needs for itself (jars, the JVM's own descriptors, epoll fds, pipes). */
    static final int FD_RESERVE = 300;

    private final Plan plan;
    private final List<Contender> rows;
    private final List<Scenario> scenarios;
    private final Path poem;
    private final Path scratch;
    private final List<String> serverJvmArgs;
    private final Progress progress;
    /** Skips, caps and failures, in order, each once. */
    private final Set<String> notes = new LinkedHashSet<>();
    private final List<Measurement> measurements = new ArrayList<>();
    /** The load generator, while {@link #run()} runs. */
    private LoadGenSession loadgen;

    LoadRunner(Plan plan, List<Contender> rows, List<Scenario> scenarios, Path poem, Path scratch,
            List<String> serverJvmArgs, Progress progress) {
        this.plan = plan;
        this.rows = List.copyOf(rows);
        this.scenarios = List.copyOf(scenarios);
        this.poem = poem;
        this.scratch = scratch;
        this.serverJvmArgs = List.copyOf(serverJvmArgs);
        this.progress = progress;
    }

    List<Measurement> measurements() {
        return Collections.unmodifiableList(measurements);
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    /** Runs every scenario; returns the measurements (also kept for {@link #measurements()}). */
    List<Measurement> run() throws InterruptedException, IOException {
        int poemBytes = (int) Files.size(poem);
        progress.plan(countSteps(poemBytes));
        try (var session = LoadGenSession.start()) {
            loadgen = session;
            for (Scenario s : scenarios) {
                switch (s) {
                    case FAST, SLOW_THROUGHPUT -> fetchScenario(s, poem);
                    case FAST_LARGE -> fetchScenario(s, largePoem());
                    case SLOW_HOLD -> holdScenario();
                }
            }
        } finally {
            loadgen = null;
        }
        progress.finish();
        return measurements();
    }

    // ---- fetch scenarios ----

    private void fetchScenario(Scenario scenario, Path poemFile) throws InterruptedException, IOException {
        byte[] expected = Files.readAllBytes(poemFile);
        double ideal = plan.idealSlowSeconds(expected.length);
        int numBytes = scenario == Scenario.SLOW_THROUGHPUT ? plan.throughputNumBytes() : 10;
        double delay = scenario == Scenario.SLOW_THROUGHPUT ? plan.throughputDelaySeconds() : 0.1;
        List<Integer> sizes = plan.sizes(scenario);
        var servers = new LinkedHashMap<Contender, Server>();
        try {
            for (Contender row : rows) {
                if (sizes.stream().allMatch(n -> skip(row, scenario, n, ideal))) {
                    continue;
                }
                progress.step(scenario.label() + ": starting " + row.label());
                try {
                    Server server = Server.start(row, scenario.kind(), poemFile, numBytes, delay, serverJvmArgs, true);
                    servers.put(row, server);
                    progress.step(scenario.label() + ": warming up " + row.label());
                    int largest = sizes.stream().filter(n -> row.skip(scenario, n, ideal).isEmpty())
                            .max(Integer::compare).orElseThrow();
                    for (int w = 0; w < plan.warmupRuns(); w++) { // unmeasured
                        fetch(server, Math.min(WARMUP_CLIENTS, largest), poemFile);
                    }
                } catch (UserException e) {
                    note(row.label() + ": " + scenario.label() + ": " + e.getMessage());
                    Server failed = servers.remove(row);
                    if (failed != null) {
                        failed.close();
                    }
                }
                progress.done();
            }
            for (int size : sizes) {
                for (int r = 1; r <= plan.repeat(); r++) {
                    for (Contender row : rotate(new ArrayList<>(servers.keySet()), r)) {
                        if (skip(row, scenario, size, ideal)) {
                            continue;
                        }
                        Server server = servers.get(row);
                        progress.step(String.format("%s %s=%,d %s (%d/%d)", scenario.label(), scenario.param(),
                                size, row.label(), r, plan.repeat()));
                        measurements.add(measureFetch(scenario, row, server, size, r, poemFile, ideal));
                        progress.done();
                    }
                }
            }
        } finally {
            servers.values().forEach(Server::close);
        }
    }

    private Measurement measureFetch(Scenario scenario, Contender row, Server server, int size, int r, Path poemFile,
            double ideal) throws InterruptedException {
        Map<String, Object> json;
        Map<String, Double> metrics;
        try {
            server.runtime(); // a new interval of the server's runtime stats
            var cpuBefore = ProcStatus.cpu(server.process.pid());
            json = fetch(server, size, poemFile);
            var cpu = ProcStatus.cpu(server.process.pid()).minus(cpuBefore);
            metrics = numbers(json);
            metrics.putAll(server.runtime());
            metrics.put("serverUserMillis", cpu.userMillis());
            metrics.put("serverSystemMillis", cpu.systemMillis());
            metrics.put("serverCpuMicrosPerClient", cpu.totalMillis() * 1000 / size);
        } catch (UserException e) {
            note(row.label() + ": " + scenario.label() + " " + scenario.param() + "=" + size + ": " + e.getMessage());
            return new Measurement(scenario, row.label(), size, r, false, Map.of(), e.getMessage());
        }
        if (scenario == Scenario.SLOW_THROUGHPUT) {
            metrics.put("idealSeconds", ideal);
            metrics.put("vsIdeal", metrics.get("totalSeconds") / ideal);
        }
        int ok = metrics.get("ok").intValue();
        boolean complete = ok == size;
        String note = complete ? "" : String.format("%,d of %,d poems received whole in %s s (%,.0f failed,"
                + " %,.0f wrong); first error: %s", ok, size, plan.timeoutSeconds(), metrics.getOrDefault("failed", 0.0),
                metrics.getOrDefault("wrong", 0.0), firstError(json));
        if (!complete) {
            note(row.label() + ": " + scenario.label() + " " + scenario.param() + "=" + size + ": " + note);
        }
        if (!server.process.alive()) {
            note(row.label() + ": its server process died during " + scenario.label());
        }
        return new Measurement(scenario, row.label(), size, r, complete, metrics, note);
    }

    private Map<String, Object> fetch(Server server, int clients, Path poemFile) throws InterruptedException {
        return loadgen.fetch(server.port, clients, poemFile, plan.timeoutSeconds());
    }

    // ---- slow-hold ----

    private void holdScenario() throws InterruptedException {
        for (int size : holdSizes()) {
            for (int r = 1; r <= plan.repeat(); r++) {
                for (Contender row : rotate(new ArrayList<>(rows), r)) {
                    if (skip(row, Scenario.SLOW_HOLD, size, 0)) {
                        continue;
                    }
                    progress.step(String.format("slow-hold C=%,d %s (%d/%d)", size, row.label(), r, plan.repeat()));
                    try {
                        measurements.add(measureHold(row, size, r));
                    } catch (UserException e) {
                        note(row.label() + ": slow-hold C=" + size + ": " + e.getMessage());
                        measurements.add(new Measurement(Scenario.SLOW_HOLD, row.label(), size, r, false, Map.of(),
                                e.getMessage()));
                    }
                    progress.done();
                }
            }
        }
    }

    private Measurement measureHold(Contender row, int size, int r) throws InterruptedException {
        var jvm = new ArrayList<>(HOLD_JVM);
        jvm.addAll(serverJvmArgs);
        // No runtime stats here: the JFR stream's own heap (a few MiB of parsed metadata, coming and
        // going with its chunks) would be counted against the connections.
        try (Server server = Server.start(row, ServerKind.SLOW, poem, plan.holdNumBytes(), plan.holdDelaySeconds(),
                jvm, false)) {
            Map<String, Double> before = server.stats();
            var metrics = new LinkedHashMap<String, Double>();
            Map<String, Object> held = loadgen.hold(server.port, size, HOLD_CONNECTING, plan.timeoutSeconds());
            try {
                metrics.putAll(numbers(held));
                Map<String, Double> after = server.stats();
                double served = metrics.getOrDefault("served", 0.0);
                put(metrics, "rssBeforeMiB", before.get("rss") / (1 << 20));
                put(metrics, "rssAfterMiB", after.get("rss") / (1 << 20));
                put(metrics, "rssPerConnKiB", (after.get("rss") - before.get("rss")) / 1024 / served);
                put(metrics, "heapBeforeMiB", before.getOrDefault("heapUsedBytes", Double.NaN) / (1 << 20));
                put(metrics, "heapAfterMiB", after.getOrDefault("heapUsedBytes", Double.NaN) / (1 << 20));
                put(metrics, "heapPerConnKiB", (after.getOrDefault("heapUsedBytes", Double.NaN)
                        - before.getOrDefault("heapUsedBytes", Double.NaN)) / 1024 / served);
                double heapPerConn = metrics.get("heapPerConnKiB");
                put(metrics, "totalPerConnKiB", Double.isFinite(heapPerConn) ? heapPerConn + metrics.get("rssPerConnKiB")
                        : metrics.get("rssPerConnKiB"));
                put(metrics, "threadsBefore", before.get("threads"));
                put(metrics, "threadsAfter", after.get("threads"));
                put(metrics, "serverConnected", after.getOrDefault("connected", Double.NaN));
            } finally {
                loadgen.release();
            }
            metrics.remove("phase");
            boolean complete = metrics.getOrDefault("served", 0.0).intValue() == size;
            String note = complete ? "" : String.format("%,d of %,d connections served; first error: %s",
                    metrics.getOrDefault("served", 0.0).intValue(), size, firstError(held));
            if (!complete) {
                note(row.label() + ": slow-hold C=" + size + ": " + note);
            }
            return new Measurement(Scenario.SLOW_HOLD, row.label(), size, r, complete, metrics, note);
        }
    }

    /** The plan's hold sizes, capped by the open-file limit and the ephemeral port range. */
    List<Integer> holdSizes() {
        int cap = holdCap();
        var sizes = new LinkedHashSet<Integer>();
        for (int c : plan.holdConnections()) {
            if (c > cap) {
                note(String.format("slow-hold: C capped at %,d%s: each process may open %,d files (ulimit -n),"
                        + " %d kept for its own; %,d ephemeral ports", cap,
                        c == Integer.MAX_VALUE ? " (the most this machine allows)" : " instead of " + String.format("%,d", c),
                        maxFiles(), FD_RESERVE, ephemeralPorts()));
            }
            sizes.add(Math.min(c, cap));
        }
        return List.copyOf(sizes);
    }

    static int holdCap() {
        long files = maxFiles() - FD_RESERVE;
        long ports = ephemeralPorts() - 1_000;
        return (int) Math.max(1, Math.min(files, ports));
    }

    static long maxFiles() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix) {
            return unix.getMaxFileDescriptorCount();
        }
        return 1_024;
    }

    /** How many local ports the kernel hands out to connecting sockets (28,232 by default on Linux). */
    static long ephemeralPorts() {
        try {
            String[] range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).strip().split("\\s+");
            return Long.parseLong(range[1]) - Long.parseLong(range[0]) + 1;
        } catch (IOException | RuntimeException e) {
            return 28_232;
        }
    }

    // ---- helpers ----

    private boolean skip(Contender row, Scenario scenario, int size, double ideal) {
        var why = row.skip(scenario, size, ideal);
        why.ifPresent(w -> note(row.label() + ": " + scenario.label() + " " + scenario.param() + "="
                + String.format("%,d", size) + ": skipped: " + w));
        return why.isPresent();
    }

    private void note(String text) {
        if (notes.add(text)) {
            progress.note(text);
        }
    }

    private int countSteps(int poemBytes) {
        double ideal = plan.idealSlowSeconds(poemBytes);
        int steps = 0;
        for (Scenario s : scenarios) {
            List<Integer> sizes = s == Scenario.SLOW_HOLD ? List.copyOf(new LinkedHashSet<>(
                    plan.holdConnections().stream().map(c -> Math.min(c, holdCap())).toList())) : plan.sizes(s);
            for (Contender row : rows) {
                int runs = (int) sizes.stream().filter(n -> row.skip(s, n, ideal).isEmpty()).count();
                steps += runs * plan.repeat() + (s != Scenario.SLOW_HOLD && runs > 0 ? 1 : 0);
            }
        }
        return steps;
    }

    private Path largePoem() throws IOException {
        Path file = scratch.resolve("large-poem.txt");
        byte[] unit = Files.readAllBytes(poem);
        byte[] large = new byte[plan.largeBytes()];
        for (int at = 0; at < large.length; at += unit.length) {
            System.arraycopy(unit, 0, large, at, Math.min(unit.length, large.length - at));
        }
        Files.write(file, large);
        return file;
    }

    private static <T> List<T> rotate(List<T> list, int by) {
        Collections.rotate(list, -by);
        return list;
    }

    private static void put(Map<String, Double> m, String key, Double value) {
        m.put(key, value == null ? Double.NaN : value);
    }

    private static String firstError(Map<String, Object> json) {
        return String.valueOf(json.getOrDefault("firstError", "none"));
    }

    /** The numeric entries of a parsed JSON object (strings such as firstError dropped). */
    private static Map<String, Double> numbers(Map<String, Object> json) {
        var m = new LinkedHashMap<String, Double>();
        json.forEach((k, v) -> {
            if (v instanceof Number n) {
                m.put(k, n.doubleValue());
            }
        });
        return m;
    }

    /**
     * A server process under test, with its port read from its {@code Serving ... on port N.} line.
     *
     * <p><b>Threading:</b> the harness's thread only.
     */
    private static final class Server implements AutoCloseable {
        private final Contender row;
        private final ChildProcess process;
        private final int port;

        private Server(Contender row, ChildProcess process, int port) {
            this.row = row;
            this.process = process;
            this.port = port;
        }

        static Server start(Contender row, ServerKind kind, Path poem, int numBytes, double delay,
                List<String> jvmArgs, boolean runtimeStats) throws InterruptedException {
            var process = ChildProcess.start(row.label() + " server",
                    row.command(kind, poem, numBytes, delay, jvmArgs, runtimeStats));
            try {
                String line = process.awaitLine(l -> SERVING.matcher(l).matches(), 60_000, "'Serving ... on port N.' line");
                Matcher m = SERVING.matcher(line);
                if (!m.matches()) {
                    throw new AssertionError(line);
                }
                return new Server(row, process, Integer.parseInt(m.group(1)));
            } catch (UserException | InterruptedException e) {
                process.close();
                throw e;
            }
        }

        /**
         * For our JVMs, the server's runtime stats (pinned, GC pauses, busiest loop iteration, peak
         * virtual threads) since the last call; empty for the others.
         */
        Map<String, Double> runtime() throws InterruptedException {
            if (!row.answersStats()) {
                return Map.of();
            }
            try {
                process.send("runtime");
            } catch (IOException e) {
                throw process.failure("cannot ask for runtime stats: " + e.getMessage());
            }
            return numbers(JsonLines.readObject(process.awaitLine(l -> l.startsWith("{"), 60_000, "runtime line")));
        }

        /** RSS and threads from /proc; for our JVMs also the heap after a full GC, and event counts. */
        Map<String, Double> stats() throws InterruptedException {
            var m = new LinkedHashMap<String, Double>();
            if (row.answersStats()) {
                try {
                    process.send("stats");
                } catch (IOException e) {
                    throw process.failure("cannot ask for stats: " + e.getMessage());
                }
                m.putAll(numbers(JsonLines.readObject(process.awaitLine(l -> l.startsWith("{"), 60_000, "stats line"))));
            }
            var status = ProcStatus.of(process.pid());
            m.put("rss", (double) status.rssBytes());
            m.put("threads", (double) status.threads());
            return m;
        }

        @Override
        public void close() {
            process.close();
        }
    }
}
