package org.slowpoetry.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slowpoetry.cli.ExitCodes;
import org.slowpoetry.cli.Main;
import org.slowpoetry.trial.LeakCheck;
import picocli.CommandLine;

/**
 * Issue 14's bad command-line input for {@code bench load} and {@code bench jmh}: an unknown option,
 * a missing argument, a bad number, an unknown row or scenario, a file that is missing, a directory
 * or not text. Each is one line on stderr naming the input and the problem, exit code 2, nothing
 * on stdout, and nothing measured, started or left open.
 */
@ExtendWith(LeakCheck.class)
@Timeout(30)
class BadInputSuiteTest {

    @TempDir
    static Path dir;

    private record Run(int code, String out, List<String> errLines) {
    }

    private static Run run(String commandLine) throws IOException {
        Path binary = dir.resolve("load.json");
        Files.write(binary, new byte[] {'{', (byte) 0xff, '}'});
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] args = commandLine.replace("DIR", dir.toString()).replace("BINARY", binary.toString()).split(" ");
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString().lines().toList());
    }

    @ParameterizedTest(name = "badInputIsOneLineNamingItAndExitTwo[{0}]")
    @CsvSource(delimiter = '|', textBlock = """
        # command line (split at spaces; DIR: a directory, BINARY: a file that is not text) | the one line
        bench --bogus                    | slowpoetry bench: Unknown option: '--bogus' (see 'slowpoetry bench --help')
        bench                            | slowpoetry bench: missing subcommand: load or jmh (see 'slowpoetry bench --help')
        bench load --bogus               | slowpoetry bench load: Unknown option: '--bogus' (see 'slowpoetry bench load --help')
        bench load --repeat              | slowpoetry bench load: Missing required parameter for option '--repeat' (N) (see 'slowpoetry bench load --help')
        bench load --repeat x            | slowpoetry bench load: Invalid value for option '--repeat': 'x' is not an int (see 'slowpoetry bench load --help')
        bench load --repeat 0            | slowpoetry bench load: --repeat must be at least 1: 0
        bench load --sizes 10,ten        | slowpoetry bench load: Invalid value for option '--sizes' (LIST): 'ten' is not an int (see 'slowpoetry bench load --help')
        bench load --sizes 0             | slowpoetry bench load: --sizes must be numbers of at least 1: [0]
        bench load --scenarios slowest   | slowpoetry bench load: unknown scenario 'slowest'; scenarios: fast, fast-large, slow-hold, slow-throughput
        bench load --poem /no/such/poem  | slowpoetry bench load: poem '/no/such/poem' is not a readable, non-empty file
        bench load --poem DIR            | slowpoetry bench load: poem 'DIR' is not a readable, non-empty file
        bench load --from /no/such.json  | slowpoetry bench load: cannot read results file '/no/such.json': no such file
        bench load --from DIR            | slowpoetry bench load: cannot read results file 'DIR': it is a directory
        bench load --from BINARY         | slowpoetry bench load: cannot read results file 'BINARY': not UTF-8 text (byte 1 is not; a binary file?)
        bench jmh --bogus                | slowpoetry bench jmh: bad JMH option: bogus is not a recognized option
        bench jmh -f x                   | slowpoetry bench jmh: bad JMH option: Cannot parse argument 'x' of option f
        bench jmh -wi                    | slowpoetry bench jmh: bad JMH option: Option wi requires an argument
        """)
    void badInputIsOneLineNamingItAndExitTwo(String commandLine, String line) throws IOException {
        Run run = run(commandLine);

        assertEquals(ExitCodes.USAGE, run.code(), run.errLines().toString());
        assertEquals(List.of(line.replace("DIR", dir.toString()).replace("BINARY", dir.resolve("load.json").toString())),
                run.errLines());
        assertEquals("", run.out());
    }

    @Test
    void jmhHelpIsThisCommandsUsageAndExitsZero() throws IOException {
        Run run = run("bench jmh --help");

        assertEquals(ExitCodes.OK, run.code(), run.errLines().toString());
        assertTrue(run.out().startsWith("Usage: slowpoetry bench jmh "), run.out());
        assertTrue(run.out().contains("-h: JMH's options"), run.out());
        assertEquals(List.of(), run.errLines());
    }
}
