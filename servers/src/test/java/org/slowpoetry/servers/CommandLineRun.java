package org.slowpoetry.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.slowpoetry.cli.Main;
import picocli.CommandLine;

/**
 * One run of the {@code slowpoetry} command line in this JVM, its output captured, for tests.
 *
 * <p><b>Threading:</b> immutable; {@link #of} runs the command on the calling thread.
 */
public record CommandLineRun(int code, String out, String err) {

    public static CommandLineRun of(List<String> args) {
        CommandLine cli = Main.commandLine();
        var out = new StringWriter();
        var err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args.toArray(String[]::new));
        return new CommandLineRun(code, out.toString(), err.toString());
    }

    /** The one line on stderr; fails the test if there is not exactly one. */
    public String errLine() {
        List<String> lines = err.lines().toList();
        assertEquals(1, lines.size(), () -> "one line on stderr, not: " + err);
        return lines.getFirst();
    }
}
