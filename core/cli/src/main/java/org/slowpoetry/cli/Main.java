package org.slowpoetry.cli;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
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
        cli.setParameterExceptionHandler(Main::onParameterError);
        cli.setExecutionExceptionHandler(Main::onExecutionError);
        return cli;
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
