package org.slowpoetry.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slowpoetry.cli.ExitCodes;
import org.slowpoetry.trial.LeakCheck;

/**
 * Output errors count for every command of this module, not only {@code get}
 * ({@link ClientFaultSuiteTest} has it for every style): a stdout whose reader has gone ends the
 * command quietly with {@link ExitCodes#OUTPUT_CLOSED}, any other write error with one line and
 * {@link ExitCodes#OUTPUT_FAILED}, and a command that works on after its first line (the demo, the
 * tour's check) is stopped there, its servers and clients closed.
 */
@ExtendWith(LeakCheck.class)
@Timeout(30)
class CommandOutputFaultsTest {

    /** Command lines, split at spaces: help, listings, examples run and checked, a chain drawn, the demo. */
    static Stream<String> commands() {
        return Stream.of("get --help", "tour", "tour --loom", "tour simple", "tour --check simple countdown",
                "simulate --list-examples", "simulate --example part9-addcallbacks",
                "demo --styles loom,reactor --speed 20");
    }

    @ParameterizedTest(name = "aClosedStdoutEndsItQuietly[{0}]")
    @MethodSource("commands")
    void aClosedStdoutEndsTheCommandQuietlyWithTheExitCodeOfSigpipe(String command) {
        CommandLineRun run = runWithStdoutFailing(FailingStdout.CLOSED_PIPE, command);

        assertEquals(ExitCodes.OUTPUT_CLOSED, run.exitCode(), run.err());
        assertEquals("", run.err());
    }

    @ParameterizedTest(name = "aFullStdoutIsOneLine[{0}]")
    @MethodSource("commands")
    void aStdoutThatCannotBeWrittenIsOneLineOnStderrAndExitSeventyFour(String command) {
        CommandLineRun run = runWithStdoutFailing(FailingStdout.FULL_DISK, command);

        assertEquals(ExitCodes.OUTPUT_FAILED, run.exitCode(), run.err());
        assertEquals(List.of("slowpoetry " + command.split(" ")[0] + ": cannot write to stdout: " + FailingStdout.FULL_DISK),
                run.errLines());
    }

    private static CommandLineRun runWithStdoutFailing(String error, String command) {
        return CommandLineRun.printingTo(FailingStdout.failingWith(error), command.split(" "));
    }
}
