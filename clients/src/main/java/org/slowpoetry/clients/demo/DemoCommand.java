package org.slowpoetry.clients.demo;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.slowpoetry.cli.CheckedOutput;
import org.slowpoetry.cli.ExitCodes;
import org.slowpoetry.cli.StatusLine;
import org.slowpoetry.cli.UserException;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.ClientStyle;
import org.slowpoetry.clients.ClientStyles;
import org.slowpoetry.clients.GetOptions;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.servers.Poem;
import org.slowpoetry.time.MonotonicClock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code slowpoetry demo}: Parts 1, 2, 5 and 20 in one command. Starts three slow poetry servers
 * in this process, fetches their poems with each client style in turn (blocking, threaded, select,
 * reactor, loom by default), and draws what happened as timelines on a common time scale, each
 * under the name of the model it shows: Part 1's three figures drawn from real data (Figure 1, one
 * task after another; Figure 2, a platform thread per task; Figure 3, every task interleaved on one
 * thread, by a bare select loop and by the reactor's client 2.0), then the Loom row, blocking code
 * on a virtual thread per poem. Last come the totals of every style, with what each cost in OS
 * threads ({@link ThreadMeter}), and the threaded row's cost set against the Loom row's.
 *
 * <p><b>Threading:</b> runs on the main thread; the servers' threads are ended before it returns,
 * and each style has ended its own threads when its {@code fetch} returns.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Watch client styles fetch the same three poems from three slow servers, drawn as timelines:"
                    + " Part 1's three models from real data. Figure 1, the blocking client of Part 2, one poem"
                    + " after another; Figure 2, a platform thread per poem; Figure 3, the select client (Part 2)"
                    + " and the reactor client (Part 5), all at once on one thread; then the Loom client (Part 20),"
                    + " all at once with plain blocking code on a virtual thread per poem. The totals say what"
                    + " each run cost in OS threads.",
            ""
        },
        footer = {
            "",
            "The servers run in this process on random ports (127.0.0.1), the long poem 30 bytes a send,"
                    + " the short ones 10, as in Part 2. Try: slowpoetry demo --speed 1 (the text's pace)."
        })
public final class DemoCommand implements Callable<Integer> {
    static final int DEFAULT_WIDTH = 80;
    /**
     * The styles drawn when {@code --styles} is not given: Part 1's three models, each drawn from the
     * client that shows it (Figure 1 blocking, Figure 2 threaded, Figure 3 select and reactor), then
     * the Loom row.
     */
    static final String DEFAULT_STYLE_LIST = "blocking,threaded,select,reactor,loom";
    static final List<String> DEFAULT_STYLES = List.of(DEFAULT_STYLE_LIST.split(","));

    @Spec
    CommandSpec spec;

    @Option(
            names = "--styles",
            paramLabel = "LIST",
            split = ",",
            description = "Client styles to run, in order, comma-separated (default: ${DEFAULT-VALUE}).",
            defaultValue = DEFAULT_STYLE_LIST)
    List<String> styles = new ArrayList<>();

    @Option(
            names = "--speed",
            paramLabel = "F",
            description = "Scale every delay: 1 is the text's pace (10 bytes every 0.1 s); by default the pace"
                    + " at which the default styles' runs take about 20 s together.")
    Double speed;

    @Option(names = "--no-color", description = "No colours (also when stdout is not a terminal or NO_COLOR is set).")
    boolean noColor;

    @Option(names = "--width", paramLabel = "N", description = "Columns to draw in (default: ${DEFAULT-VALUE}).",
            defaultValue = "" + DEFAULT_WIDTH)
    int width = DEFAULT_WIDTH;

    @Override
    public Integer call() throws InterruptedException {
        List<ClientStyle> chosen = chosenStyles();
        if (width < TimelineRenderer.MIN_WIDTH) {
            throw new UserException("bad --width '" + width + "': must be at least " + TimelineRenderer.MIN_WIDTH);
        }
        if (speed != null && (!(speed > 0) || speed.isInfinite())) {
            throw new UserException("bad --speed '" + speed + "': must be a positive number");
        }
        DemoPlan plan = DemoPlan.of(DemoPoems.load(), speed == null ? OptionalDouble.empty() : OptionalDouble.of(speed));
        PrintWriter out = spec.commandLine().getOut();
        CheckedOutput.interruptOnFault(out); // no one to draw for: stop the clients and the servers
        PrintWriter err = CheckedOutput.silencedAtFault(out, spec.commandLine().getErr());
        Palette palette = Palette.forTerminal(noColor);
        MonotonicClock clock = MonotonicClock.system();

        List<StyleRun> runs = new ArrayList<>();
        try (DemoServers servers = DemoServers.start(plan);
                StatusLine status = StatusLine.onStandardError(err)) {
            header(out, palette, plan, servers.addresses());
            for (ClientStyle style : chosen) {
                runs.add(run(style, servers.addresses(), plan, clock, status));
            }
        }

        TimelineRenderer renderer = new TimelineRenderer(width, palette);
        Duration span = runs.stream().map(r -> r.recording().total()).max(Duration::compareTo).orElseThrow();
        for (StyleRun run : runs) {
            out.println();
            Model.of(run.style()).ifPresent(m -> out.println(palette.bold(TimelineRenderer.cut(m.heading(), width))));
            renderer.render(run.title(), run.recording(), span).forEach(out::println);
            renderer.renderReads(run.recording()).forEach(out::println);
            renderer.legend(run.recording()).forEach(out::println);
        }
        out.println();
        TotalsTable.render(runs, palette).forEach(out::println);
        out.flush();
        return runs.stream().anyMatch(StyleRun::anyFailed) ? ExitCodes.SOME_FAILED : ExitCodes.OK;
    }

    private List<ClientStyle> chosenStyles() {
        var names = new LinkedHashSet<String>();
        for (String name : styles) {
            String trimmed = name.strip();
            if (trimmed.isEmpty()) {
                throw new UserException("bad --styles '" + String.join(",", styles) + "': empty style name");
            }
            if (!names.add(trimmed)) {
                throw new UserException("bad --styles '" + String.join(",", styles) + "': '" + trimmed + "' twice");
            }
        }
        if (names.isEmpty()) {
            throw new UserException("bad --styles '': name at least one style");
        }
        return names.stream().map(ClientStyles::find).toList();
    }

    private static void header(PrintWriter out, Palette palette, DemoPlan plan, List<Address> addresses) {
        out.println(palette.bold(plan.servers().size() + " slow poetry servers, started in this process:"));
        int nameWidth = plan.servers().stream().mapToInt(s -> s.poem().source().length()).max().orElse(0);
        for (int i = 0; i < plan.servers().size(); i++) {
            DemoPlan.Server server = plan.servers().get(i);
            Poem poem = server.poem();
            out.println(String.format("  %-" + nameWidth + "s %5d bytes, %d bytes a send, on %s",
                    poem.source(), poem.size(), server.numBytes(), addresses.get(i)));
        }
        out.println(String.format(Locale.ROOT, "  one send every %s ms (speed %s: the text waits 100 ms)",
                formatNumber(plan.delay().toNanos() / 1e6), formatNumber(plan.speed())));
        out.flush();
    }

    /** Runs one style against the servers, recording its timeline and showing progress on stderr. */
    private static StyleRun run(ClientStyle style, List<Address> addresses, DemoPlan plan, MonotonicClock clock,
            StatusLine status) throws InterruptedException {
        Progress progress = new Progress(status, clock, style.name() + " client", plan.totalBytes());
        progress.begin();
        Timeline timeline = Timeline.start(clock);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        ThreadMeter meter = ThreadMeter.begin();
        ClientRun run = new ClientRun(quiet, quiet, clock, GetOptions.defaults(),
                timeline.andThen(progress).andThen(meter));
        List<TaskOutcome> outcomes = style.fetch(addresses, run);
        ThreadUse threads = meter.end();
        timeline.stop();
        Recording recording = timeline.recording();
        progress.end(recording.total());
        return new StyleRun(style.name(), style.name() + ": " + style.description(), recording, outcomes, threads);
    }

    /** {@code 45}, {@code 2.5}, {@code 2.2}: at most one decimal, none when it is zero. */
    private static String formatNumber(double value) {
        String s = String.format(Locale.ROOT, "%.1f", value);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
