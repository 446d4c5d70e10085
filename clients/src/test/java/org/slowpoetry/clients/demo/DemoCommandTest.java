package org.slowpoetry.clients.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slowpoetry.cli.ExitCodes;
import org.slowpoetry.cli.Main;
import org.slowpoetry.clients.ClientStyles;
import org.slowpoetry.trial.LeakCheck;
import picocli.CommandLine;

/** {@code slowpoetry demo} end to end: real servers in-process, real clients, at high speed. */
@ExtendWith(LeakCheck.class)
class DemoCommandTest {

    private record Run(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    private static Run demo(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "demo";
        System.arraycopy(args, 0, all, 1, args.length);
        return new Run(cli.execute(all), out.toString(), err.toString());
    }

    @Test
    @Timeout(60)
    void drawsATimelinePerStyleThenTheTotalsAndTheirRatio() {
        Run run = demo("--speed", "40", "--no-color");

        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        List<String> lines = run.outLines();
        List<String> figures = List.of("Figure 1, the synchronous model", "blocking: ", "Figure 2, the threaded model",
                "threaded: ", "Figure 3, the asynchronous model", "select: ", "Figure 3, the asynchronous model",
                "reactor: ", "Loom: ", "loom: ");
        List<String> timelines = lines.subList(0, lines.indexOf(lines.stream().filter(l -> l.startsWith("style ")).findFirst()
                .orElseThrow()));
        assertEquals(figures, timelines.stream().filter(l -> figures.stream().anyMatch(l::startsWith))
                .map(l -> figures.stream().filter(l::startsWith).findFirst().orElseThrow()).toList(),
                "Part 1's three figures in order, then the Loom row, each under its model: " + run.out());
        assertEquals(2 * DemoCommand.DEFAULT_STYLES.size(), lines.stream().filter(l -> l.startsWith("task 1 ")).count(),
                "two views per style: " + run.out());
        for (String style : DemoCommand.DEFAULT_STYLES) {
            assertTrue(lines.stream().anyMatch(l -> Pattern.matches(style + " +0:00:\\d\\d\\.\\d +\\d+  3 of 3.*", l)),
                    "a row of totals for " + style + ": " + run.out());
        }
        assertTrue(lines.stream().anyMatch(l -> Pattern.matches("fastest: \\w+, .*", l)), run.out());
        assertTrue(lines.contains("threaded: 3 poems, 3 OS threads of its own (3 platform threads fetched)"), run.out());
        assertTrue(lines.stream().anyMatch(l -> Pattern.matches("loom: +3 poems, \\d+ OS threads of its own"
                + " \\(3 virtual threads fetched\\)", l)), run.out());
        assertTrue(lines.getLast().startsWith("OS threads: "), lines.getLast());
        for (String line : lines) {
            assertTrue(line.length() <= 80, "fits in 80 columns: " + line);
            assertTrue(!line.contains("\u001b["), "no colour with --no-color: " + line);
        }
        assertTrue(run.err().contains("running blocking client... done, "), run.err());
        assertTrue(run.err().contains("running select client... done, "), run.err());
        assertTrue(run.err().contains("running threaded client... done, "), run.err());
        assertTrue(run.err().contains("running loom client... done, "), run.err());
    }

    @Test
    @Timeout(60)
    void drawsOnlyTheStylesAskedFor() {
        Run run = demo("--speed", "40", "--styles", "select", "--width", "100");

        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.outLines().stream().noneMatch(l -> l.startsWith("blocking: ")), run.out());
        assertTrue(run.outLines().stream().anyMatch(l -> Pattern.matches("select 0:00:\\d\\d\\.\\d", l)), run.out());
        assertTrue(run.outLines().stream().noneMatch(l -> l.startsWith("threaded: ")), "no threaded row to compare");
        assertTrue(run.outLines().stream().anyMatch(l -> l.length() == 100), "drawn 100 wide");
    }

    @Test
    void helpNamesTheOptions() {
        Run run = demo("--help");
        assertEquals(ExitCodes.OK, run.exitCode());
        for (String option : List.of("--styles", "--speed", "--no-color", "--width")) {
            assertTrue(run.out().contains(option), option + " in " + run.out());
        }
    }

    @Test
    void unknownStyleIsOneLineBeforeAnyServerStarts() {
        Run run = demo("--styles", "blocking,nope");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("slowpoetry demo: unknown style 'nope'; the styles are: " + String.join(", ", ClientStyles.names()),
                run.err().strip());
        assertEquals("", run.out());
    }

    @Test
    void badNumbersAreOneLineEach() {
        for (String[] args : List.of(new String[] {"--speed", "0"}, new String[] {"--speed", "-2"},
                new String[] {"--width", "30"}, new String[] {"--styles", "select,select"},
                new String[] {"--speed", "fast"})) {
            Run run = demo(args);
            assertEquals(ExitCodes.USAGE, run.exitCode(), String.join(" ", args));
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().contains(args[0]) || run.err().contains("'" + args[1] + "'"), run.err());
        }
    }
}
