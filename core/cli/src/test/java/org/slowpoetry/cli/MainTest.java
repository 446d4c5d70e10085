package org.slowpoetry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slowpoetry.protocol.BadAddressException;
import org.slowpoetry.reactor.CannotListenException;
import org.slowpoetry.reactor.SelectorUnavailableException;
import picocli.CommandLine;

class MainTest {

    private record Run(int code, String out, String err) {
    }

    /** A command that throws what it is given, to see how Main reports it. */
    @CommandLine.Command(name = "fail")
    private record Failing(RuntimeException failure) implements Runnable {
        @Override
        public void run() {
            throw failure;
        }
    }

    private static Run run(String... args) {
        return run(Main.commandLine(), args);
    }

    /** Runs {@code slowpoetry fail} whose command throws {@code failure}. */
    private static Run failWith(RuntimeException failure) {
        CommandLine cli = Main.commandLine();
        cli.addSubcommand(new CommandLine(new Failing(failure)));
        return run(cli, "fail");
    }

    private static Run run(CommandLine cli, String... args) {
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

    @Test
    void anUnavailableSelectorFromALibraryIsOneLineWithExitTwoEvenWhenWrapped() {
        var unavailable = new SelectorUnavailableException("the poll selector needs --add-exports", null);
        Run r = failWith(new IllegalStateException("while starting", unavailable));
        assertEquals(ExitCodes.USAGE, r.code());
        assertEquals("slowpoetry fail: the poll selector needs --add-exports", r.err().strip());
    }

    @Test
    void everyLibraryExceptionTheMapperKnowsIsReportedWithExitTwo() {
        for (RuntimeException library : List.of(
                new SelectorUnavailableException("no selector", null),
                new BadAddressException("x:99999", "port out of range 1–65535"),
                new UncheckedIOException(new CannotListenException("cannot listen on 127.0.0.1:1: denied", null)))) {
            Run r = failWith(library);
            assertEquals(ExitCodes.USAGE, r.code(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(r.err().contains("internal error"), r.err());
        }
    }

    @Test
    void aUserExceptionWrappingALibraryExceptionHasItsOwnWordsUsed() {
        var wrapped = new UserException("bad --selector: poll is unavailable", new SelectorUnavailableException("x", null));
        Run r = failWith(wrapped);
        assertEquals("slowpoetry fail: bad --selector: poll is unavailable", r.err().strip());
    }

    @Test
    void anyOtherExceptionIsAnInternalErrorWithExitSeventy() {
        Run r = failWith(new IllegalStateException("a bug"));
        assertEquals(ExitCodes.INTERNAL, r.code());
        assertTrue(r.err().startsWith("slowpoetry fail: internal error: java.lang.IllegalStateException: a bug"), r.err());
    }
}
