package org.slowpoetry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpDescribesBothStylesAndExitsZero() {
        Run r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Usage: slowpoetry"), r.out());
        assertTrue(r.out().contains("--verbose"), r.out());
    }

    @Test
    void versionNamesTheJavaRuntime() {
        Run r = run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("slowpoetry "), r.out());
        assertTrue(r.out().contains("Java " + Runtime.version().feature()), r.out());
    }

    @Test
    void missingCommandIsOneLineUsageErrorWithExitTwo() {
        Run r = run();
        assertEquals(ExitCodes.USAGE, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("slowpoetry: missing command"), r.err());
    }

    @Test
    void unknownOptionIsOneLineWithoutStackTrace() {
        Run r = run("--no-such-option");
        assertEquals(ExitCodes.USAGE, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("at org."), r.err());
    }

    @Test
    void userExceptionRejectsMultiLineMessages() {
        try {
            new UserException("two\nlines");
        } catch (IllegalArgumentException expected) {
            return;
        }
        throw new AssertionError("a multi-line user error was accepted");
    }
}
