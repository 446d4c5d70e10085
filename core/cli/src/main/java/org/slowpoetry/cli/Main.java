package org.slowpoetry.cli;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The {@code slowpoetry} entry point: one picocli command line whose subcommands are discovered
 * as {@link CommandProvider} plugins.
 *
 * <p>Errors: a picocli usage error, a {@link UserException}, or one of the library exceptions
 * {@link UserErrors} knows (an unavailable selector, say) prints one line on stderr
 * ({@code slowpoetry get: bad address 'x': ...}) and exits non-zero ({@link ExitCodes#USAGE} for
 * the library ones); anything else is a bug, shown as one line with a hint, and with its stack
 * trace under {@code --verbose}.
 *
 * <p>Output: every command prints to a {@link CheckedOutput} over the real stdout, and a write
 * error there ends the command's run the same way for all: a reader that has gone (a closed pipe)
 * quietly with {@link ExitCodes#OUTPUT_CLOSED}, any other error with one line
 * ({@code slowpoetry get: cannot write to stdout: No space left on device}) and
 * {@link ExitCodes#OUTPUT_FAILED}, whatever the command returned or threw after it.
 *
 * <p><b>Threading:</b> {@link #main} runs on the main thread; commands may start their own threads,
 * and must have ended them before they return.
 */
public final class Main {
    // No static Logger here: getting one initialises the logging backend, which freezes its
    // configuration before main() could apply --verbose (see Logging).

    private Main() {
    }

    public static void main(String[] args) {
        Logging.configure(List.of(args));
        int code = execute(args);
        System.out.flush();
        System.exit(code);
    }

    /** Runs the command line and returns the exit code, without exiting (tests call this). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The assembled command line, with every plugin's subcommand and our error handling. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SlowpoetryCommand());
        ServiceLoader.load(CommandProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparingInt(CommandProvider::order))
                .forEach(p -> cli.addSubcommand(p.newCommand()));
        cli.setOut(CheckedOutput.stdout()); // after the subcommands: setOut passes it down to them
        cli.setExecutionStrategy(Main::executeChecked);
        cli.setParameterExceptionHandler(Main::onParameterError);
        cli.setExecutionExceptionHandler(Main::onExecutionError);
        return cli;
    }

    /**
     * Runs the command (or prints the help it asked for), then lets an output fault decide the
     * exit: a fault is why a command ended early (it was interrupted) or wrote for nothing.
     */
    private static int executeChecked(ParseResult parsed) throws CommandLine.ExecutionException {
        CommandLine cmd = parsed.asCommandLineList().getLast();
        int code;
        try {
            code = new CommandLine.RunLast().execute(parsed);
        } catch (CommandLine.ExecutionException e) {
            return exitForOutputFault(cmd).orElseThrow(() -> e);
        }
        return exitForOutputFault(cmd).orElse(code);
    }

    /** If the command's stdout failed: the exit code for that, after its line on stderr if it has one. */
    private static Optional<Integer> exitForOutputFault(CommandLine cmd) {
        if (!(cmd.getOut() instanceof CheckedOutput out)) {
            return Optional.empty();
        }
        out.flush(); // what a last print() left in the buffer
        return out.fault().map(fault -> {
            Thread.interrupted(); // a command interrupted at the fault (CheckedOutput.interruptOnFault) has ended
            return switch (fault) {
                case OutputFault.ReaderGone gone -> ExitCodes.OUTPUT_CLOSED;
                case OutputFault.WriteFailed failed -> {
                    PrintWriter err = cmd.getErr();
                    err.println(cmd.getCommandSpec().qualifiedName() + ": cannot write to stdout: " + failed.reason());
                    err.flush();
                    yield ExitCodes.OUTPUT_FAILED;
                }
            };
        });
    }

    private static int onParameterError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName();
        err.println(name + ": " + UserErrors.oneLine(e.getMessage()) + " (see '" + name + " --help')");
        if (Logging.verbose()) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.USAGE;
    }

    private static int onExecutionError(Exception e, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName();
        int code = switch (UserErrors.of(e).orElse(null)) {
            case UserErrors.UserError(String message, int exitCode) -> {
                err.println(name + ": " + message);
                yield exitCode;
            }
            case null -> {
                err.println(name + ": internal error: " + UserErrors.oneLine(String.valueOf(e))
                        + (Logging.verbose() ? "" : " (run with --verbose for details)"));
                yield ExitCodes.INTERNAL;
            }
        };
        if (Logging.verbose()) {
            Logger log = LoggerFactory.getLogger(Main.class);
            log.debug("{} failed", name, e);
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }
}
