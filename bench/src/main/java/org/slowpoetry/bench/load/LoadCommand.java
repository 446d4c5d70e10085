package org.slowpoetry.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.slowpoetry.cli.ExitCodes;
import org.slowpoetry.cli.InputFiles;
import org.slowpoetry.cli.StatusLine;
import org.slowpoetry.cli.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code slowpoetry bench load}: every server style, measured side by side in one run on this
 * machine, each in its own process, driven by a separate load-generator process.
 *
 * <p><b>Threading:</b> picocli runs it on the main thread, which runs the whole benchmark and
 * stops every process it started before it returns.
 */
@Command(
        name = "load",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        sortOptions = false,
        description = {
            "Measure every server impl side by side: each server in its own process, driven from a"
                    + " separate load-generator process of virtual-thread clients. Scenarios: fast (N clients"
                    + " at once), fast-large (1 MiB poems), slow-hold (C connections held open: memory and"
                    + " threads), slow-throughput (C slow clients against the ideal time). Prints a Markdown"
                    + " table and writes load.md, load.csv, load.json and PNG charts to --out (default:"
                    + " " + LoadCommand.DEFAULT_OUT + " in the checkout; the committed full run: --out bench/results).",
            ""
        })
public final class LoadCommand implements Callable<Integer> {

    /** A saved run is some kilobytes of JSON; a file larger than this is not one. */
    private static final int MAX_RESULTS_FILE_BYTES = 16 << 20;

    /**
     * Where a run writes unless told otherwise, relative to the checkout: under {@code target/}, so
     * that a quick run leaves the committed full run in {@code bench/results} (and the clone) as
     * they were.
     */
    static final String DEFAULT_OUT = "bench/target/load-results";

    @Option(names = "--quick", description = "A smaller run (about two minutes on two cores).")
    boolean quick;

    @Option(names = "--repeat", paramLabel = "N",
            description = "Measurements per cell, interleaved across rows. Default: 3 (--quick: 2).")
    Integer repeat;

    @Option(names = "--impls", paramLabel = "LIST", split = ",",
            description = "Rows to run (default: all): netty, netty-epoll, loom, erlang, reactor (= reactor-epoll,"
                    + " reactor-poll, a loop per core, reactor-epoll-1, the text's one loop, and"
                    + " reactor-epoll-handoff, one loop accepting for all), blocking, twisted.")
    List<String> impls;

    @Option(names = "--scenarios", paramLabel = "LIST", split = ",",
            description = "Scenarios to run (default: all): fast, fast-large, slow-hold, slow-throughput.")
    List<String> scenarios;

    @Option(names = "--sizes", paramLabel = "LIST", split = ",",
            description = "Sizes (N or C) for every chosen scenario instead of the plan's, e.g. 5000.")
    List<Integer> sizes;

    @Option(names = "--poem", paramLabel = "FILE", description = "The poem (default: poems/lamplighter.txt).")
    Path poem;

    @Option(names = "--out", paramLabel = "DIR", description = "Where results go (default: " + DEFAULT_OUT + " in the checkout;"
            + " the committed full run is written with --out bench/results).")
    Path out;

    @Option(names = "--server-jvm-arg", paramLabel = "ARG",
            description = "An extra JVM option for the Java servers, e.g. -XX:StartFlightRecording=filename=s.jfr"
                    + " (repeatable).")
    List<String> serverJvmArgs = new ArrayList<>();

    @Option(names = "--from", paramLabel = "FILE",
            description = "Measure nothing: render the tables, CSV and charts again from a load.json.")
    Path from;

    /** Set by tests: a plan of their own instead of --quick or the full one. */
    Plan planOverride;

    /** Set by tests: a checkout of their own (a temporary directory) instead of {@link #home()}. */
    Path homeOverride;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (from != null) {
            return render(from);
        }
        Plan plan = planOverride != null ? planOverride : quick ? Plan.quick() : Plan.full();
        if (repeat != null) {
            if (repeat < 1) {
                throw new UserException("--repeat must be at least 1: " + repeat);
            }
            plan = plan.withRepeat(repeat);
        }
        if (sizes != null) {
            if (sizes.isEmpty() || sizes.stream().anyMatch(n -> n < 1)) {
                throw new UserException("--sizes must be numbers of at least 1: " + sizes);
            }
            plan = plan.withSizes(sizes);
        }
        List<Scenario> chosen = scenarios == null ? List.of(Scenario.values())
                : scenarios.stream().map(Scenario::of).distinct().sorted().toList();
        Path home = homeOverride != null ? homeOverride : home();
        Path poemFile = poem != null ? poem : home.resolve("poems/lamplighter.txt");
        if (!Files.isRegularFile(poemFile) || Files.size(poemFile) == 0) {
            throw new UserException("poem '" + poemFile + "' is not a readable, non-empty file");
        }
        Path outDir = out != null ? out : home.resolve(DEFAULT_OUT);

        Path scratch = Files.createTempDirectory("slowpoetry-bench-");
        try (StatusLine status = StatusLine.onStandardError()) {
            var progress = new Progress(status);
            var notes = new ArrayList<String>();
            List<Contender> rows = Contenders.discover(impls == null ? Contenders.ALL : impls, scratch, n -> {
                notes.add(n);
                progress.note(n);
            });
            if (rows.isEmpty()) {
                throw new UserException("no server impl to measure: " + String.join("; ", notes));
            }
            var machine = Machine.describe();
            var runner = new LoadRunner(plan, rows, chosen, poemFile, scratch, serverJvmArgs, progress);
            runner.run();
            machine.put("Load average at end", Machine.loadAverage());
            notes.addAll(runner.notes());
            var context = new Report.Context(plan, machine, commandLine(plan), (int) Files.size(poemFile), notes);
            var report = new Report(context, runner.measurements());
            System.out.print(report.markdown());
            var files = new ArrayList<>(report.write(outDir));
            files.addAll(Charts.write(report.summaries(), outDir));
            printWritten(outDir, files);
            boolean allWhole = runner.measurements().stream().allMatch(Measurement::complete);
            return allWhole ? ExitCodes.OK : ExitCodes.SOME_FAILED;
        } finally {
            deleteTree(scratch);
        }
    }

    /** {@code --from}: renders a saved run again into {@code --out} (default: beside the file). */
    private int render(Path json) throws IOException {
        Report report;
        try {
            report = Report.read(InputFiles.readText(json, "results file", MAX_RESULTS_FILE_BYTES));
        } catch (IllegalArgumentException e) {
            throw new UserException("results file '" + json + "': " + e.getMessage(), e);
        }
        Path outDir = out != null ? out : json.toAbsolutePath().getParent();
        System.out.print(report.markdown());
        var files = new ArrayList<>(report.write(outDir));
        files.addAll(Charts.write(report.summaries(), outDir));
        printWritten(outDir, files);
        return report.measurements().stream().allMatch(Measurement::complete) ? ExitCodes.OK : ExitCodes.SOME_FAILED;
    }

    /** The last line of a run: which files were written, and where. */
    private static void printWritten(Path outDir, List<Path> files) {
        String names = String.join(", ", files.stream().map(f -> f.getFileName().toString()).toList());
        System.out.println("Wrote " + names + " to " + outDir.toAbsolutePath().normalize());
    }

    private String commandLine(Plan plan) {
        var words = new ArrayList<>(List.of("slowpoetry", "bench", "load"));
        if (quick) {
            words.add("--quick");
        }
        if (repeat != null) {
            words.add("--repeat " + repeat);
        }
        if (impls != null) {
            words.add("--impls " + String.join(",", impls));
        }
        if (scenarios != null) {
            words.add("--scenarios " + String.join(",", scenarios));
        }
        if (sizes != null) {
            words.add("--sizes " + String.join(",", sizes.stream().map(String::valueOf).toList()));
        }
        if (out != null) {
            words.add("--out " + out);
        }
        if (planOverride != null) {
            words.add("(plan " + plan.name() + ")");
        }
        return String.join(" ", words);
    }

    /** The slowpoetry checkout: the launcher's {@code slowpoetry.home}, else this or the parent directory. */
    static Path home() {
        String prop = System.getProperty("slowpoetry.home");
        if (prop != null) {
            return Path.of(prop);
        }
        Path cwd = Path.of("").toAbsolutePath();
        for (Path p = cwd; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("poems")) && Files.isDirectory(p.resolve("bench"))) {
                return p;
            }
        }
        return cwd;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

}
