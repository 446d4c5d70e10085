package org.slowpoetry.servers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.slowpoetry.cli.Main;

/**
 * One run of the {@code slowpoetry} command line in this JVM, through {@link Main}'s error
 * handling, with what it printed and its exit code: for tests of what a user sees.
 *
 * <p><b>Threading:</b> an immutable value; {@link #of} runs the command on the caller's thread.
 *
 * @param code the exit code
 * @param out  what it printed on stdout
 * @param err  what it printed on stderr
 */
public record CliRun(int code, String out, String err) {

    /** Runs {@code slowpoetry ARGS} and records what it printed. */
    public static CliRun of(List<String> args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.commandLine()
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args.toArray(String[]::new));
        return new CliRun(code, out.toString(), err.toString());
    }

    /**
     * Checks that stderr is one line, {@code PREFIX: ...}, with no exception in it: what every
     * user error looks like.
     */
    public void assertOneErrorLine(String prefix) {
        String line = err.strip();
        assertFalse(line.isEmpty(), "no error message");
        assertFalse(line.contains("\n"), "more than one line:\n" + err);
        assertTrue(line.startsWith(prefix + ": "), line);
        assertFalse(line.contains("Exception"), "an exception in a user error: " + line);
    }
}
