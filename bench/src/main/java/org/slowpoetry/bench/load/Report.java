package org.slowpoetry.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;

/**
 * Turns a run's measurements into what people read: a Markdown report (one table per scenario,
 * medians with their ranges, ratios against the Netty row, notes on ties and skips), a CSV of
 * every measurement, and a JSON file with everything.
 *
 * <p><b>Threading:</b> immutable after construction; the writing methods may be called from any
 * one thread.
 */
final class Report {
    /** The row every ratio is taken against. */
    static final String PEER = "netty";
    /** Medians closer than this (max / min) are called a tie. */
    static final double TIE = 1.15;

    /** What a run was: its plan, where, when, and what it noted. */
    record Context(Plan plan, Map<String, String> machine, String command, int poemBytes, List<String> notes) {
    }

    private record Column(String header, Function<Summary, String> value) {
    }

    private final Context context;
    private final List<Measurement> measurements;
    private final List<Summary> summaries;

    Report(Context context, List<Measurement> measurements) {
        this.context = context;
        this.measurements = List.copyOf(measurements);
        this.summaries = Summary.of(measurements);
    }

    List<Summary> summaries() {
        return summaries;
    }

    /** Writes {@code load.md}, {@code load.csv} and {@code load.json} into {@code dir}; returns their paths. */
    List<Path> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path md = dir.resolve("load.md");
        Path csv = dir.resolve("load.csv");
        Path json = dir.resolve("load.json");
        Files.writeString(md, markdown());
        Files.writeString(csv, csv());
        Files.writeString(json, json() + "\n");
        return List.of(md, csv, json);
    }

    // ---- Markdown ----

    String markdown() {
        var out = new StringBuilder();
        out.append("## bench load: ").append(context.plan().name()).append(" run\n\n");
        out.append("`").append(context.command()).append("`  \n");
        context.machine().forEach((k, v) -> out.append(k).append(": ").append(v).append("  \n"));
        out.append(String.format("Repeats: %d, interleaved (every row once per repeat, in rotating order);"
                + " cells show the median and, in brackets, the range. Ratios are medians against the %s row.%n%n",
                context.plan().repeat(), PEER));
        for (Scenario s : Scenario.values()) {
            List<Summary> rows = summaries.stream().filter(x -> x.scenario() == s).toList();
            if (rows.isEmpty()) {
                continue;
            }
            out.append("### ").append(title(s)).append("\n\n");
            List<Column> columns = columns(s);
            out.append("| ").append(String.join(" | ", columns.stream().map(Column::header).toList())).append(" |\n");
            out.append("|").append(" --- |".repeat(columns.size())).append("\n");
            for (Summary row : rows) {
                out.append("| ").append(String.join(" | ", columns.stream().map(c -> c.value().apply(row)).toList()))
                        .append(" |\n");
            }
            out.append("\n");
            for (String note : ties(s)) {
                out.append("- ").append(note).append("\n");
            }
            String prefix = s.label() + " ";
            context.notes().stream().filter(n -> n.contains(": " + prefix) || n.startsWith(s.label() + ":"))
                    .forEach(n -> out.append("- ").append(n).append("\n"));
            out.append("\n");
        }
        List<String> general = context.notes().stream()
                .filter(n -> java.util.Arrays.stream(Scenario.values())
                        .noneMatch(s -> n.contains(": " + s.label() + " ") || n.startsWith(s.label() + ":")))
                .toList();
        if (!general.isEmpty()) {
            out.append("### Notes\n\n");
            general.forEach(n -> out.append("- ").append(n).append("\n"));
            out.append("\n");
        }
        return out.toString();
    }

    private String title(Scenario s) {
        Plan p = context.plan();
        return switch (s) {
            case FAST -> String.format("fast: N clients at once fetch the %,d-byte poem from the fast server",
                    context.poemBytes());
            case FAST_LARGE -> String.format("fast-large: %,d clients at once fetch a %,d-byte poem",
                    p.largeClients(), p.largeBytes());
            case SLOW_HOLD -> String.format("slow-hold: C connections held open at once (slow server, %d bytes every"
                    + " %s s); Java servers run with a fixed, pre-touched 1 GiB heap, so heap/conn (after a full GC) and RSS/conn"
                    + " (off-heap) add up to the total", p.holdNumBytes(), num(p.holdDelaySeconds()));
            case SLOW_THROUGHPUT -> String.format("slow-throughput: C slow clients to completion (%d bytes every %s s;"
                    + " ideal %.2f s = (⌈poem bytes / num-bytes⌉ − 1) × delay)", p.throughputNumBytes(),
                    num(p.throughputDelaySeconds()), p.idealSlowSeconds(context.poemBytes()));
        };
    }

    private List<Column> columns(Scenario s) {
        var c = new ArrayList<Column>();
        c.add(new Column("impl", Summary::impl));
        c.add(new Column(s.param(), r -> String.format("%,d", r.size())));
        switch (s) {
            case FAST -> {
                c.add(new Column("total s", r -> range(r.cell("totalSeconds"), 3)));
                c.add(new Column("poems/s", r -> range(r.cell("poemsPerSecond"), 0)));
                c.add(new Column("× netty", r -> ratio(r, "poemsPerSecond")));
                c.add(new Column("MB/s", r -> fixed(r.cell("megabytesPerSecond").median(), 1)));
                c.add(new Column("server CPU µs/poem", r -> range(r.cell("serverCpuMicrosPerClient"), 0)));
                c.add(new Column("user / sys ms", Report::userSys));
                c.add(new Column("TTFB p50 / p99 / max ms", r -> triple(r, "ttfb")));
                c.add(new Column("TTLB p50 / p99 / max ms", r -> triple(r, "ttlb")));
            }
            case FAST_LARGE -> {
                c.add(new Column("MB/s", r -> range(r.cell("megabytesPerSecond"), 0)));
                c.add(new Column("× netty", r -> ratio(r, "megabytesPerSecond")));
                c.add(new Column("total s", r -> range(r.cell("totalSeconds"), 3)));
                c.add(new Column("server CPU ms", r -> range(r.cell("serverCpuMicrosPerClient"), 0, r.size() / 1000.0)));
                c.add(new Column("user / sys ms", Report::userSys));
                c.add(new Column("TTLB p50 / p99 / max ms", r -> triple(r, "ttlb")));
            }
            case SLOW_HOLD -> {
                c.add(new Column("served", r -> String.format("%,.0f", r.cell("served").median())));
                c.add(new Column("open s", r -> range(r.cell("openSeconds"), 2)));
                c.add(new Column("heap/conn KiB", r -> range(r.cell("heapPerConnKiB"), 2)));
                c.add(new Column("RSS/conn KiB (Java: off-heap)", r -> range(r.cell("rssPerConnKiB"), 2)));
                c.add(new Column("total/conn KiB", r -> range(r.cell("totalPerConnKiB"), 2)));
                c.add(new Column("× netty (total)", r -> ratio(r, "totalPerConnKiB")));
                c.add(new Column("threads idle → held", r -> String.format("%.0f → %.0f",
                        r.cell("threadsBefore").median(), r.cell("threadsAfter").median())));
                c.add(new Column("RSS MiB idle → held", r -> String.format("%.0f → %.0f",
                        r.cell("rssBeforeMiB").median(), r.cell("rssAfterMiB").median())));
            }
            case SLOW_THROUGHPUT -> {
                c.add(new Column("total s", r -> range(r.cell("totalSeconds"), 2)));
                c.add(new Column("× ideal", r -> range(r.cell("vsIdeal"), 2)));
                c.add(new Column("× netty (time)", r -> ratio(r, "totalSeconds")));
                c.add(new Column("server CPU µs/client", r -> range(r.cell("serverCpuMicrosPerClient"), 0)));
                c.add(new Column("user / sys ms", Report::userSys));
                c.add(new Column("TTLB p50 / p99 / max ms", r -> triple(r, "ttlb")));
            }
        }
        if (summaries.stream().anyMatch(r -> r.scenario() == s && r.cell("pinned").present())) {
            c.add(new Column("JVM: pinned · GC pauses (longest ms) · busiest loop ms · peak vthreads", Report::runtime));
        }
        c.add(new Column("whole", r -> r.complete() + "/" + r.runs() + (r.allComplete() ? "" : " ⚠")));
        return c;
    }

    /**
     * The server's runtime stats (in-process JFR), the most of any repeat: pinned virtual threads,
     * GC pauses and the longest, the reactor loop's busiest iteration (over 1 ms), peak virtual
     * threads; a dash for a row with none (Twisted, a results file from before they were recorded).
     */
    private static String runtime(Summary r) {
        if (!r.cell("pinned").present()) {
            return "–";
        }
        return String.format("%,.0f · %,.0f (%.1f) · %.1f · %,.0f", r.cell("pinned").max(), r.cell("gcPauses").max(),
                r.cell("gcLongestMs").max(), r.cell("loopBusiestMs").max(), r.cell("peakVirtualThreads").max());
    }

    /**
     * Says where rows tie: all medians within {@link #TIE} of each other, or every row's range
     * overlapping the peer's.
     */
    List<String> ties(Scenario s) {
        String metric = switch (s) {
            case FAST -> "poemsPerSecond";
            case FAST_LARGE -> "megabytesPerSecond";
            case SLOW_HOLD -> "totalPerConnKiB";
            case SLOW_THROUGHPUT -> "totalSeconds";
        };
        var notes = new ArrayList<String>();
        var sizes = new LinkedHashSet<Integer>();
        summaries.stream().filter(x -> x.scenario() == s).forEach(x -> sizes.add(x.size()));
        for (int size : sizes) {
            List<Summary> rows = summaries.stream()
                    .filter(x -> x.scenario() == s && x.size() == size && x.allComplete() && x.cell(metric).present())
                    .toList();
            if (rows.size() < 2) {
                continue;
            }
            double lo = rows.stream().mapToDouble(x -> x.cell(metric).median()).min().orElseThrow();
            double hi = rows.stream().mapToDouble(x -> x.cell(metric).median()).max().orElseThrow();
            var peer = rows.stream().filter(x -> x.impl().equals(PEER)).findFirst();
            List<String> tied = peer.isEmpty() ? List.of() : rows.stream()
                    .filter(x -> !x.impl().equals(PEER) && Stats.overlap(x.cell(metric).min(), x.cell(metric).max(),
                            peer.get().cell(metric).min(), peer.get().cell(metric).max()))
                    .map(Summary::impl).toList();
            String why = switch (s) {
                case FAST -> ": on 2 cores the kernel's connect/accept work and the load generator's own"
                        + " clients take most of the CPU for a small poem, so the server's style hardly shows";
                case FAST_LARGE -> ": copying the bytes through loopback dominates";
                case SLOW_HOLD, SLOW_THROUGHPUT -> "";
            };
            if (lo > 0 && (hi / lo <= TIE || tied.size() == rows.size() - 1)) {
                notes.add(String.format("%s=%,d: the rows tie (medians within %.0f%%%s)%s.", s.param(), size,
                        (hi / lo - 1) * 100, tied.size() == rows.size() - 1 ? ", every range overlaps netty's" : "",
                        why));
            } else if (!tied.isEmpty()) {
                notes.add(String.format("%s=%,d: %s tie%s with netty (the ranges overlap)%s.", s.param(), size,
                        String.join(", ", tied), tied.size() == 1 ? "s" : "", why));
            }
        }
        return notes;
    }

    private String ratio(Summary row, String metric) {
        var peer = row.peer(summaries, PEER);
        if (peer.isEmpty() || !peer.get().cell(metric).present() || !row.cell(metric).present()) {
            return "–";
        }
        double base = peer.get().cell(metric).median();
        return base == 0 ? "–" : String.format("%.2f", row.cell(metric).median() / base);
    }

    private static String triple(Summary r, String prefix) {
        return fixed(r.cell(prefix + "P50Millis").median(), 1) + " / " + fixed(r.cell(prefix + "P99Millis").median(), 1)
                + " / " + fixed(r.cell(prefix + "MaxMillis").median(), 1);
    }

    private static String userSys(Summary r) {
        return fixed(r.cell("serverUserMillis").median(), 0) + " / " + fixed(r.cell("serverSystemMillis").median(), 0);
    }

    private static String range(Summary.Cell c, int decimals) {
        return range(c, decimals, 1);
    }

    /** {@code median (min–max)} of the cell's values times {@code scale}. */
    private static String range(Summary.Cell c, int decimals, double scale) {
        if (!c.present()) {
            return "–";
        }
        String median = fixed(c.median() * scale, decimals);
        String lo = fixed(c.min() * scale, decimals);
        String hi = fixed(c.max() * scale, decimals);
        return lo.equals(hi) ? median : median + " (" + lo + "–" + hi + ")";
    }

    private static String fixed(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * A report read back from the JSON that {@link #json()} wrote, to render its tables and charts
     * again (after a change to the report, or on another machine).
     *
     * @throws IllegalArgumentException if {@code json} is not such a file
     */
    @SuppressWarnings("unchecked")
    static Report read(String json) {
        try {
            var m = JsonLines.readObject(json);
            var p = (Map<String, Object>) m.get("plan");
            Plan plan = new Plan((String) p.get("name"), num(p, "repeat", 3), sizes(p, Scenario.FAST),
                    sizes(p, Scenario.FAST_LARGE).getFirst(), num(p, "largeBytes", 1 << 20), sizes(p, Scenario.SLOW_HOLD),
                    num(p, "holdNumBytes", 10), ((Number) p.get("holdDelaySeconds")).doubleValue(),
                    sizes(p, Scenario.SLOW_THROUGHPUT), num(p, "throughputNumBytes", 256),
                    ((Number) p.get("throughputDelaySeconds")).doubleValue(),
                    ((Number) p.get("timeoutSeconds")).doubleValue(), num(p, "warmupRuns", 2));
            var machine = new LinkedHashMap<String, String>();
            ((Map<String, Object>) m.get("machine")).forEach((k, v) -> machine.put(k, String.valueOf(v)));
            var notes = ((List<Object>) m.get("notes")).stream().map(String::valueOf).toList();
            var measurements = new ArrayList<Measurement>();
            for (Object o : (List<Object>) m.get("measurements")) {
                var x = (Map<String, Object>) o;
                var metrics = new LinkedHashMap<String, Double>();
                ((Map<String, Object>) x.get("metrics")).forEach((k, v) ->
                        metrics.put(k, v instanceof Number n ? n.doubleValue() : Double.NaN));
                measurements.add(new Measurement(Scenario.of((String) x.get("scenario")), (String) x.get("impl"),
                        num(x, "size", 0), num(x, "repeat", 0), Boolean.TRUE.equals(x.get("complete")), metrics,
                        String.valueOf(x.getOrDefault("note", ""))));
            }
            var context = new Context(plan, machine, (String) m.get("command"), num(p, "poemBytes", 0), notes);
            return new Report(context, measurements);
        } catch (ClassCastException | NullPointerException | java.util.NoSuchElementException e) {
            throw new IllegalArgumentException("not a bench load results file: " + e.getMessage(), e);
        }
    }

    private static int num(Map<String, Object> m, String key, int otherwise) {
        return m.get(key) instanceof Number n ? (int) Math.min(Integer.MAX_VALUE, n.longValue()) : otherwise;
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> sizes(Map<String, Object> plan, Scenario s) {
        return ((List<Object>) plan.get(s.label() + " sizes")).stream()
                .map(n -> (int) Math.min(Integer.MAX_VALUE, ((Number) n).longValue())).toList();
    }

    Context context() {
        return context;
    }

    List<Measurement> measurements() {
        return measurements;
    }

    // ---- CSV and JSON ----

    /** One line per measurement: who, what, whether whole, every metric (empty where absent), and the note. */
    String csv() {
        var metricNames = new LinkedHashSet<String>();
        measurements.forEach(m -> metricNames.addAll(m.metrics().keySet()));
        var header = new ArrayList<>(List.of("scenario", "impl", "size", "repeat", "complete"));
        header.addAll(metricNames);
        header.add("note");
        var out = new StringBuilder();
        try (var printer = CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
                .setHeader(header.toArray(String[]::new)).get().print(out)) {
            for (Measurement m : measurements) {
                var row = new ArrayList<Object>(List.of(m.scenario().label(), m.contender(), m.size(), m.repeat(),
                        m.complete()));
                for (String n : metricNames) {
                    double v = m.get(n);
                    row.add(Double.isFinite(v) ? v : null);
                }
                row.add(m.note());
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("a StringBuilder does not throw", e);
        }
        return out.toString();
    }

    String json() {
        var m = new LinkedHashMap<String, Object>();
        m.put("command", context.command());
        m.put("machine", context.machine());
        var plan = new LinkedHashMap<String, Object>();
        Plan p = context.plan();
        plan.put("name", p.name());
        plan.put("repeat", p.repeat());
        plan.put("poemBytes", context.poemBytes());
        for (Scenario s : Scenario.values()) {
            plan.put(s.label() + " sizes", p.sizes(s).stream().map(Integer::longValue).toList());
        }
        plan.put("largeBytes", p.largeBytes());
        plan.put("warmupRuns", p.warmupRuns());
        plan.put("holdNumBytes", p.holdNumBytes());
        plan.put("holdDelaySeconds", p.holdDelaySeconds());
        plan.put("throughputNumBytes", p.throughputNumBytes());
        plan.put("throughputDelaySeconds", p.throughputDelaySeconds());
        plan.put("timeoutSeconds", p.timeoutSeconds());
        m.put("plan", plan);
        m.put("notes", context.notes());
        m.put("summary", summaries.stream().map(Summary::toMap).toList());
        m.put("measurements", measurements.stream().map(Measurement::toMap).toList());
        return JsonLines.write(m);
    }
}
