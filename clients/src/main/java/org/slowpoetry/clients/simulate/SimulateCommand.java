package org.slowpoetry.clients.simulate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.slowpoetry.cli.ExitCodes;
import org.slowpoetry.cli.InputFiles;
import org.slowpoetry.cli.UserException;
import org.slowpoetry.defer.simulator.ChainSpec;
import org.slowpoetry.defer.simulator.ChainSpecException;
import org.slowpoetry.defer.simulator.DeferredSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code slowpoetry simulate}: Part 9's Deferred simulator. It reads a chain of callback/errback
 * pairs (from a terminal with a prompt, from standard input, {@code --file FILE} or
 * {@code --example NAME}), builds a real {@link org.slowpoetry.defer.Deferred} with them, fires it
 * both ways, and draws the chain beside the two firings ({@link DeferredSimulator#render}).
 *
 * {@snippet lang = "text" :
 * $ printf 'r good f bad\nf googly p\n' | slowpoetry simulate --narrow
 * $ slowpoetry simulate --example part10-client50-ok
 * $ slowpoetry simulate --list-examples
 * }
 *
 * <p>A chain it cannot read is one line naming where and why, exit 2:
 * {@code slowpoetry simulate: bad chain in chain.txt: line 2, column 6: bad command: x (return,
 * fail or passthru, or r, f or p)}.
 *
 * <p><b>Threading:</b> picocli runs it on the main thread; it starts no threads (the simulated
 * Deferreds are fired on it, without a reactor, as the text's program does).
 */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Part 9's Deferred simulator: enter callback/errback pairs, one pair a line (return VALUE,"
                    + " fail VALUE or passthru for each; r, f, p for short), and see the chain drawn beside"
                    + " what d.callback(initial) and d.errback(initial*) do with it.",
            "",
            "At a terminal it explains the format and prompts; otherwise it reads standard input up to"
                    + " an empty line. In the drawings, value* is a failure: Failure(Exception(value)).",
            ""
        },
        footer = {
            "",
            "The examples are the exercises of Parts 9 and 10 (try --list-examples); their files are"
                    + " clients/src/main/resources/simulate/NAME.txt, readable with --file too."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:drawn", "2:bad input (a chain that cannot be read, a missing file, an unknown example)"})
public final class SimulateCommand implements Callable<Integer> {

    /** A chain is a few short lines; a file or an input larger than this is not one (or is {@code /dev/zero}). */
    static final int MAX_CHAIN_FILE_BYTES = 1 << 20;

    @Spec
    CommandSpec spec;

    @Option(names = "--file", paramLabel = "FILE", description = "Read the chain from FILE (all of it).")
    Path file;

    @Option(names = "--example", paramLabel = "NAME", description = "Draw one of the chains shipped with slowpoetry.")
    String example;

    @Option(names = "--list-examples", description = "List the examples, with what each shows.")
    boolean listExamples;

    @Option(names = "--narrow", description = "Draw the chain and the two firings one after the other.")
    boolean narrow;

    /** Where a chain typed or piped comes from. */
    private final InputStream stdin;
    /** Null: decide when run (a terminal, or not); tests fix it. */
    private final Boolean interactive;

    /** Reading standard input, prompting when it is a terminal. */
    public SimulateCommand() {
        this(System.in, null);
    }

    /** For tests: {@code stdin} in place of standard input, prompting or not. */
    SimulateCommand(InputStream stdin, Boolean interactive) {
        this.stdin = stdin;
        this.interactive = interactive;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        int sources = (file != null ? 1 : 0) + (example != null ? 1 : 0) + (listExamples ? 1 : 0);
        if (sources > 1) {
            throw new UserException("choose one of --file, --example and --list-examples");
        }
        if (listExamples) {
            out.println("Examples (slowpoetry simulate --example NAME):");
            SimulateExamples.listing().forEach(out::println);
            out.flush();
            return ExitCodes.OK;
        }
        ChainSpec chain = readChain(out);
        out.print(DeferredSimulator.render(chain, narrow));
        out.flush();
        return ExitCodes.OK;
    }

    private ChainSpec readChain(PrintWriter out) throws IOException {
        if (example != null) {
            return parse(SimulateExamples.lines(example), "in example " + example);
        }
        if (file != null) {
            return parse(readFile(file), "in " + file);
        }
        var in = new BufferedReader(new InputStreamReader(
                InputFiles.bounded(stdin, "standard input", "chain", MAX_CHAIN_FILE_BYTES), stdinCharset()));
        if (isInteractive()) {
            try {
                return ChainInput.prompt(in, out);
            } catch (ChainSpecException e) {
                throw new UserException("no chain to draw: " + e.problem(), e);
            }
        }
        return parse(ChainInput.readLines(in), "on standard input");
    }

    private boolean isInteractive() {
        if (interactive != null) {
            return interactive;
        }
        var console = System.console();
        return console != null && console.isTerminal();
    }

    private static Charset stdinCharset() {
        String encoding = System.getProperty("stdin.encoding");
        return encoding == null || !Charset.isSupported(encoding) ? Charset.defaultCharset() : Charset.forName(encoding);
    }

    private static ChainSpec parse(List<String> lines, String where) {
        try {
            return ChainSpec.parse(lines);
        } catch (ChainSpecException e) {
            throw new UserException("bad chain " + where + ": " + e.getMessage(), e);
        }
    }

    private static List<String> readFile(Path path) {
        return InputFiles.readText(path, "chain file", MAX_CHAIN_FILE_BYTES).lines().toList();
    }
}
