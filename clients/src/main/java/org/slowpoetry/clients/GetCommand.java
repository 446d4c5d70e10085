package org.slowpoetry.clients;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.slowpoetry.cli.ByteSize;
import org.slowpoetry.cli.CheckedOutput;
import org.slowpoetry.cli.ExitCodes;
import org.slowpoetry.cli.UserException;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.protocol.PoemFraming;
import org.slowpoetry.time.MonotonicClock;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code slowpoetry get --style NAME [--timeout SECONDS] [--max-poem BYTES] [--netstrings] [style options] ADDR...}:
 * fetch one poem from each address with the chosen {@link ClientStyle}, print what the style's
 * original program prints (stdout) and our summary (stdout where the original prints one, stderr
 * otherwise), and exit 1 if any task failed. {@code --timeout} and {@code --max-poem} bound every
 * style the same way ({@link FetchSettings}): no server can hold a client for good, nor fill its
 * memory.
 *
 * {@snippet lang = "text" :
 * $ slowpoetry get --style blocking 10000 10001 10002
 * Task 1: get poetry from: 127.0.0.1:10000
 * Task 1: got 3003 bytes of poetry from 127.0.0.1:10000 in 0:00:10.126361
 * ...
 * Got 3 poems in 0:00:23.065661
 * }
 *
 * <p>Every option of {@link GetOption} exists here whether or not a style uses it yet; an option the
 * chosen style does not declare in {@link ClientStyle#options()} is rejected with one line
 * ({@code --retries is not supported by style 'blocking'}) before anything connects.
 *
 * <p><b>Threading:</b> picocli populates and runs it on the main thread; the style may use more
 * threads and has ended them when {@code fetch} returns.
 */
@Command(
        name = "get",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Fetch one poem from each ADDR, the way the chosen client style does it, and report each"
                    + " task as the text's clients do (Part 2 onwards).",
            ""
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every poem arrived", "1:some task failed (the others were still fetched)",
            "2:bad input (unknown style, unsupported option, bad address)",
            "74:stdout could not be written (a full disk): the fetch stopped there",
            "141:stdout's reader went away (a closed pipe): the fetch stopped there, quietly"})
public final class GetCommand implements Callable<Integer> {

    /** A day: a timeout past this is a typing mistake, and would overflow socket timeouts. */
    private static final long MAX_TIMEOUT_SECONDS = 86_400;
    /** The largest {@code --max-poem}: a poem is held in one array, and a gigabyte is no poem anyway. */
    static final int MAX_MAX_POEM_BYTES = 1 << 30;

    @Spec
    CommandSpec spec;

    @Option(names = "--style", paramLabel = "NAME", description = "How to fetch: one of the styles listed below.")
    String style;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Give up on a connect, or on a server silent this long (default: ${DEFAULT-VALUE}).")
    double timeout = FetchSettings.DEFAULT_TIMEOUT.toMillis() / 1000.0;

    @Option(names = "--max-poem", paramLabel = "BYTES",
            description = "The largest poem accepted, in bytes, or with k, m or g (64k, 16m): a server that sends more"
                    + " is cut off there and its task fails; every style keeps it (default: ${DEFAULT-VALUE}).")
    String maxPoem = ByteSize.format(FetchSettings.defaults().maxPoemBytes());

    @Option(names = "--netstrings",
            description = "Read each poem as one netstring, LEN:POEM, (from 'serve slow|fast --netstrings'):"
                    + " a poem cut short is then a failure (Part 12, exercise 6).")
    boolean netstrings;

    @ArgGroup(validate = false, heading = "%nStyle options (a style that does not support one rejects it):%n")
    StyleOptions styleOptions = new StyleOptions();

    @Parameters(
            paramLabel = "ADDR",
            arity = "1..*",
            description = "PORT or HOST:PORT of a poetry server; the host is 127.0.0.1 when only a port is given."
                    + " The styles of Parts 13 to 18 take a transform server's first (\"\": no transform).")
    List<String> addresses = new ArrayList<>();

    /** The options of {@link GetOption}, grouped under their own heading in {@code --help}. */
    static final class StyleOptions {
        @Option(names = "--print", description = "Print the poems after the run (styles whose original does not).")
        boolean print;

        @Option(names = "--quiet", description = "No line for each chunk that arrives.")
        boolean quiet;

        @Option(names = "--timing", description = "Report how long each poem took.")
        boolean timing;

        @Option(names = "--in-order", description = "Print poems in the order of the addresses.")
        boolean inOrder;

        @Option(names = "--retries", paramLabel = "N", description = "Restart a failed download up to N times.")
        Integer retries;

        @Option(names = "--seed", paramLabel = "N", description = "Seed for random failures, to repeat a run.")
        Long seed;

        @Option(names = "--show-stack", description = "Print the call stack at the first read (Part 5).")
        boolean showStack;

        @Option(names = "--selector", paramLabel = "epoll|poll", description = "The selector the reactor waits on.")
        String selector;

        @Option(names = "--xform", paramLabel = "NAME", description = "The transform to ask the transform server for"
                + " (default: " + GetOptions.DEFAULT_XFORM + ").")
        String xform;
    }

    /**
     * A command line for this command whose {@code --help} ends with the styles found on the class
     * path, each with its description and the options it supports.
     */
    static CommandLine newCommandLine() {
        CommandLine cli = new CommandLine(new GetCommand());
        UsageMessageSpec usage = cli.getCommandSpec().usageMessage();
        List<String> keys = new ArrayList<>(usage.sectionKeys());
        keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST_HEADING), "styles");
        usage.sectionKeys(keys);
        usage.sectionMap().put("styles", help -> {
            Map<String, String> rows = new LinkedHashMap<>();
            for (ClientStyle s : ClientStyles.all()) {
                rows.put(s.name(), s.description() + (s.options().isEmpty() ? ""
                        : " Options: " + s.options().stream().sorted().map(GetOption::flag)
                                .collect(Collectors.joining(", ")) + "."));
            }
            return help.createHeading("%nStyles:%n") + help.createTextTable(rows);
        });
        return cli;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (style == null) {
            throw new UserException("choose a client style with --style NAME; the styles are: "
                    + String.join(", ", ClientStyles.names()));
        }
        ClientStyle chosen = ClientStyles.find(style);
        rejectUnsupportedOptions(chosen);
        GetOptions options = options();
        List<Address> parsed = parseAddresses(chosen);
        if (chosen.takesTransformAddress()) {
            options = options.withTransform(transformAddress(), xform());
        }

        // A reader that has gone (get ... | head -1), or a full disk, stops the fetch at once: the
        // style is interrupted, says nothing more, and Main reports the fault (quietly, or in one
        // line) with its exit code.
        PrintWriter stdout = spec.commandLine().getOut();
        CheckedOutput.interruptOnFault(stdout);
        PrintStream out = WriterOutputStream.printStream(stdout);
        PrintStream err = WriterOutputStream.printStream(
                CheckedOutput.silencedAtFault(stdout, spec.commandLine().getErr()));
        MonotonicClock clock = MonotonicClock.system();
        ClientRun run = new ClientRun(out, err, clock, options, TaskListener.none());
        PoetryLines lines = PoetryLines.of(run);
        long start = clock.nanoTime();
        // A library's own exception (an unavailable --selector) reaches the CLI's one mapping: exit 2.
        List<TaskOutcome> outcomes = chosen.fetch(parsed, run);
        lines.summary(outcomes, clock.since(start), chosen.printsSummary());
        if (options.print()) {
            lines.poems(outcomes);
        }
        out.flush();
        err.flush();
        boolean anyFailed = outcomes.stream().anyMatch(o -> o instanceof TaskOutcome.Failed);
        return anyFailed ? ExitCodes.SOME_FAILED : ExitCodes.OK;
    }

    private void rejectUnsupportedOptions(ClientStyle chosen) {
        Set<GetOption> supported = chosen.options();
        var parseResult = spec.commandLine().getParseResult();
        for (GetOption option : GetOption.values()) {
            if (parseResult.hasMatchedOption(option.flag()) && !supported.contains(option)) {
                throw new UserException(option.flag() + " is not supported by style '" + chosen.name() + "'");
            }
        }
    }

    private GetOptions options() {
        StyleOptions o = styleOptions == null ? new StyleOptions() : styleOptions;
        GetOptions defaults = GetOptions.defaults();
        if (!(timeout > 0) || Double.isInfinite(timeout) || timeout > MAX_TIMEOUT_SECONDS) {
            throw new UserException("bad --timeout '" + timeout + "': must be a positive number of seconds, at most "
                    + MAX_TIMEOUT_SECONDS);
        }
        FetchSettings fetch = defaults.fetch().withTimeout(Duration.ofNanos(Math.round(timeout * 1e9)))
                .withMaxPoemBytes(maxPoemBytes())
                .withFraming(netstrings ? PoemFraming.NETSTRING : PoemFraming.NONE);
        if (o.retries != null && o.retries < 0) {
            throw new UserException("bad --retries '" + o.retries + "': must be 0 or more");
        }
        if (o.selector != null && !Set.of("epoll", "poll").contains(o.selector)) {
            throw new UserException("bad --selector '" + o.selector + "': must be epoll or poll");
        }
        return new GetOptions(
                fetch,
                o.print,
                o.quiet,
                o.timing,
                o.inOrder,
                o.retries == null ? defaults.retries() : o.retries,
                o.seed == null ? OptionalLong.empty() : OptionalLong.of(o.seed),
                o.showStack,
                o.selector == null ? defaults.selector() : o.selector);
    }

    /** {@code --max-poem}, parsed and checked: 1 byte to {@link #MAX_MAX_POEM_BYTES}. */
    private int maxPoemBytes() {
        long bytes;
        try {
            bytes = ByteSize.parse(maxPoem);
        } catch (IllegalArgumentException e) {
            throw new UserException("bad --max-poem '" + maxPoem + "': " + e.getMessage(), e);
        }
        if (bytes < 1 || bytes > MAX_MAX_POEM_BYTES) {
            throw new UserException("bad --max-poem '" + maxPoem + "': must be from 1 byte to "
                    + ByteSize.format(MAX_MAX_POEM_BYTES));
        }
        return (int) bytes;
    }

    /** The poetry servers: every ADDR, or all but the first for a style that takes a transform server first. */
    private List<Address> parseAddresses(ClientStyle chosen) {
        List<String> poetry = addresses;
        if (chosen.takesTransformAddress()) {
            if (addresses.size() < 2) {
                throw new UserException("style '" + chosen.name() + "' takes a transform server's address first"
                        + " (\"\" for none), then one or more poetry servers': XFORM_ADDR ADDR...");
            }
            poetry = addresses.subList(1, addresses.size());
        }
        return poetry.stream().map(Address::parse).toList(); // a BadAddressException is the CLI's to word
    }

    /** The first ADDR of a style that takes a transform server: empty for {@code ""} (Part 13, exercise 2). */
    private Optional<Address> transformAddress() {
        String first = addresses.getFirst();
        return first.isEmpty() ? Optional.empty() : Optional.of(Address.parse(first));
    }

    private String xform() {
        String name = styleOptions == null || styleOptions.xform == null ? GetOptions.DEFAULT_XFORM : styleOptions.xform;
        if (name.isEmpty() || name.contains(".")) {
            throw new UserException("bad --xform '" + name + "': a transform's name is not empty and has no '.'");
        }
        return name;
    }
}
