package org.slowpoetry.clients.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slowpoetry.cli.ExitCodes;
import org.slowpoetry.cli.Main;
import org.slowpoetry.cli.UserException;
import org.slowpoetry.defer.simulator.ChainSpec;
import org.slowpoetry.defer.simulator.DeferredSimulator;
import picocli.CommandLine;

/** {@code slowpoetry simulate}: Part 9's simulator on the command line, its examples and its errors. */
@Timeout(10)
class SimulateCommandTest {

    private record Run(int exitCode, String out, String err) {
    }

    /** The whole command line, with {@code stdin} as standard input (not a terminal). */
    private static Run simulate(String stdin, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            CommandLine cli = Main.commandLine();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            String[] all = Stream.concat(Stream.of("simulate"), Stream.of(args)).toArray(String[]::new);
            return new Run(cli.execute(all), out.toString(), err.toString());
        } finally {
            System.setIn(saved);
        }
    }

    /** The command alone, reading {@code typed} as if from a terminal; exceptions are kept, not printed. */
    private static Run typed(String typed, AtomicReference<Exception> thrown, String... args) {
        CommandLine cli = new CommandLine(new SimulateCommand(
                new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), true));
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setExecutionExceptionHandler((e, c, p) -> {
            thrown.set(e);
            return ExitCodes.USAGE;
        });
        return new Run(cli.execute(args), out.toString(), "");
    }

    private static String golden(String name) {
        try (InputStream in = SimulateCommandTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> examples() {
        return SimulateExamples.NAMES;
    }

    @Test
    void theTextsSampleChainFromStandardInputIsTheTextsPicture() {
        Run run = simulate("r poem p\nr None r None\nr None r None\n", "--narrow");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertEquals(golden("text-sample-narrow.txt"), run.out());
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleIsDrawnAsItsGoldenPicture(String name) {
        Run run = simulate("", "--example", name);
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertEquals(golden(name + ".txt"), run.out());
    }

    @Test
    void thePartNineExerciseShowsWhereTheErrbackSitsMatters() {
        // addCallbacks: the errback of the failing callback's own stage never runs
        assertEquals("oops*", callbackFiringResult("part9-addcallbacks"));
        // addCallback then addErrback: the errback is a stage later and handles it
        assertEquals("fixed", callbackFiringResult("part9-addcallback-adderrback"));
    }

    private static String callbackFiringResult(String example) {
        ChainSpec chain = ChainSpec.parse(SimulateExamples.lines(example));
        return DeferredSimulator.display(DeferredSimulator.fire(chain, false).result());
    }

    @ParameterizedTest
    @MethodSource("examples")
    void theExampleFilesReadTheSameWithFile(String name) {
        Path file = Path.of("src", "main", "resources", "simulate", name + ".txt");
        assertEquals(simulate("", "--example", name).out(), simulate("", "--file", file.toString()).out());
    }

    @Test
    void theListedExamplesAreExactlyTheShippedFiles() throws IOException, URISyntaxException {
        Path dir = Path.of(SimulateExamples.class.getResource("/simulate").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(SimulateExamples.NAMES.stream().sorted().toList(),
                    files.map(p -> p.getFileName().toString().replaceFirst("\\.txt$", "")).sorted().toList());
        }
        Run run = simulate("", "--list-examples");
        assertEquals(ExitCodes.OK, run.exitCode());
        for (String name : SimulateExamples.NAMES) {
            assertTrue(run.out().contains("  " + name + "  "), run.out());
        }
    }

    @Test
    void standardInputEndsAtTheFirstEmptyLineAsInTheText() {
        Run run = simulate("f oops r fixed\n\nthis is not read\n");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertEquals(golden("part9-addcallbacks.txt"), run.out());
    }

    @Test
    void aBadLineIsOneLineNamingTheLineAndColumn() {
        Run run = simulate("r good f bad\nr good x\n");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("slowpoetry simulate: bad chain on standard input: line 2, column 8: bad command: x"
                + " (return, fail or passthru, or r, f or p)\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void aValueTooLongOrMissingIsNamedToo() {
        assertEquals("slowpoetry simulate: bad chain on standard input: line 1, column 3: result more than 6 chars"
                + " long: toolong\n", simulate("r toolong p\n").err());
        assertEquals("slowpoetry simulate: bad chain on standard input: line 1, column 7: missing argument: fail needs"
                + " a VALUE\n", simulate("r ok f\n").err());
    }

    @Test
    void noPairsAtAllIsAnError() {
        Run run = simulate("");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("slowpoetry simulate: bad chain on standard input: line 1, column 1: enter at least one"
                + " callback/errback pair\n", run.err());
    }

    @Test
    void aBadFileIsNamed(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path bad = dir.resolve("chain.txt");
        Files.writeString(bad, "# a comment\nr good p\np maybe\n");
        assertEquals("slowpoetry simulate: bad chain in " + bad + ": line 3, column 3: bad command: maybe"
                + " (return, fail or passthru, or r, f or p)\n", simulate("", "--file", bad.toString()).err());
        Path missing = dir.resolve("missing.txt");
        Run run = simulate("", "--file", missing.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("slowpoetry simulate: cannot read chain file '" + missing + "': no such file\n", run.err());
        assertEquals("slowpoetry simulate: cannot read chain file '" + dir + "': it is a directory\n",
                simulate("", "--file", dir.toString()).err());
    }

    @Test
    void aBinaryFileIsOneLineSayingItIsNotText(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path binary = Files.write(dir.resolve("a.out"), new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, (byte) 0xff, 0});
        Run run = simulate("", "--file", binary.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("slowpoetry simulate: cannot read chain file '" + binary + "': not UTF-8 text (byte 8 is not;"
                + " a binary file?)\n", run.err());
    }

    @Test
    void aFileTooLargeForAnyChainIsRefusedUnread(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path big = Files.writeString(dir.resolve("big.txt"), "r a f b\n".repeat(SimulateCommand.MAX_CHAIN_FILE_BYTES / 8 + 1));
        Run run = simulate("", "--file", big.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("slowpoetry simulate: cannot read chain file '" + big + "': larger than 1m, too large for a chain"
                + " file\n", run.err());
    }

    @Test
    void aStandardInputTooLargeForAnyChainIsCutOffThere() {
        Run run = simulate("x".repeat(SimulateCommand.MAX_CHAIN_FILE_BYTES + 1));
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("slowpoetry simulate: cannot read standard input: larger than 1m, too large for a chain\n",
                run.err());
    }

    @Test
    void anUnknownExampleNamesTheExamplesThereAre() {
        Run run = simulate("", "--example", "part11");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("slowpoetry simulate: unknown example 'part11'; the examples are: "
                + String.join(", ", SimulateExamples.NAMES) + "\n", run.err());
    }

    @Test
    void onlyOneSourceAtATime() {
        Run run = simulate("", "--example", "part9-addcallbacks", "--list-examples");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("slowpoetry simulate: choose one of --file, --example and --list-examples\n", run.err());
    }

    @Test
    void atATerminalItExplainsPromptsAndAsksForABadPairAgain() {
        AtomicReference<Exception> thrown = new AtomicReference<>();
        Run run = typed("r good f bad\nf googly x\nf googly p\n\n", thrown);

        assertEquals(ExitCodes.OK, run.exitCode(), String.valueOf(thrown.get()));
        assertTrue(run.out().startsWith(ChainInput.INSTRUCTIONS), run.out());
        assertTrue(run.out().contains("pair 1> pair 2>   column 10: bad command: x (return, fail or passthru, or r, f"
                + " or p); type that pair again\npair 2> pair 3> "), run.out());
        String picture = DeferredSimulator.render(ChainSpec.parse(List.of("r good f bad", "f googly p")), false);
        assertTrue(run.out().endsWith("\n" + picture), run.out());
    }

    @Test
    void atATerminalEndingBeforeAnyPairIsOneLine() {
        AtomicReference<Exception> thrown = new AtomicReference<>();
        typed("", thrown);
        UserException e = assertInstanceOf(UserException.class, thrown.get());
        assertEquals("no chain to draw: enter at least one callback/errback pair", e.getMessage());
    }

    @Test
    void helpNamesTheOptionsAndWhereTheExamplesAre() {
        Run run = simulate("", "--help");
        assertEquals(ExitCodes.OK, run.exitCode());
        for (String option : List.of("--file", "--example", "--list-examples", "--narrow")) {
            assertTrue(run.out().contains(option), option + " in " + run.out());
        }
        assertTrue(run.out().contains("clients/src/main/resources/simulate/NAME.txt"), run.out());
    }
}
