package org.slowpoetry.servers.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slowpoetry.cli.ByteSize;
import org.slowpoetry.cli.ExitCodes;
import org.slowpoetry.cli.LogTarget;
import org.slowpoetry.cli.Logging;
import org.slowpoetry.cli.UserException;
import org.slowpoetry.time.MonotonicClock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code slowpoetry run [runner options] PLUGIN [plugin options]}, or {@code run --app FILE.java}:
 * twistd (Part 16). Runs a plugin's services, or an application file's, as a daemon with a pid
 * file and a rotated log file, until SIGTERM or SIGINT stops them.
 *
 * <p><b>Threading:</b> picocli fills the options and calls {@link #call()} on the main thread,
 * which runs the application (see {@link ApplicationRunner}) and returns when it has stopped.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Runs a server made of services, as twistd does (Part 16): the services of a plugin, or of an"
                    + " application file (--app), started in order and stopped in reverse on SIGTERM or SIGINT."
                    + " By default it runs as a daemon, detached from the terminal: the command returns once"
                    + " the daemon serves, its pid is in the pid file and its log in the log file;"
                    + " stop it with: kill $(cat slowpoetry.pid)",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  slowpoetry run --nodaemon fastpoetry --port 10000 --poem poems/ecstasy.txt",
            "  slowpoetry run fastpoetry --poem poems/ecstasy.txt && tail slowpoetry.log",
            "  slowpoetry run --app servers/examples/fastpoetry.java",
            "  slowpoetry run fastpoetry --help"
        })
final class RunCommand implements Callable<Integer> {

    /* Implementation overview
     *
     * call() goes in this order, each step needing the ones before:
     *   1. what to run: a plugin whose options picocli parses now (so that a bad option, or --help,
     *      is answered here, before any daemon), or an application file;
     *   2. the pid file: another live runner's pid there refuses at once;
     *   3. daemon mode: DaemonLauncher starts this same command as the daemon and waits; the rest
     *      happens in the daemon (or here, with --nodaemon);
     *   4. an application file is compiled (its messages on stderr, before the log is redirected);
     *   5. the log is configured (Logging.logTo): before this, nothing may log or even get a
     *      logger, which is why this class has no static logger;
     *   6. a stale pid file is replaced; the application is built and run (ApplicationRunner);
     *      the pid file is removed whatever happened.
     */

    /** The pid file when none is given, in the working directory, as twistd's {@code twistd.pid}. */
    static final String DEFAULT_PIDFILE = "slowpoetry.pid";
    /** The log file of a daemon when none is given, as twistd's {@code twistd.log}. */
    static final String DEFAULT_LOGFILE = "slowpoetry.log";
    /** {@code --logfile -}: standard error. */
    static final String STDERR = "-";

    // Injected and filled by picocli while it parses, on the main thread; read by call() on the same
    // thread afterwards. The setters check their values as they are parsed.

    @Spec
    CommandSpec spec;

    @Option(names = {"-n", "--nodaemon"},
            description = "Run in the foreground, logging to standard output (unless --logfile says otherwise).")
    boolean nodaemon;

    @Option(names = "--pidfile", paramLabel = "FILE", defaultValue = DEFAULT_PIDFILE,
            description = "Where the pid goes once the services have started. Default: ${DEFAULT-VALUE}.")
    Path pidfile;

    @Option(names = {"-l", "--logfile"}, paramLabel = "FILE",
            description = "Where the log goes, rotated by size: FILE is the current log, FILE.N the files."
                    + " Default: " + DEFAULT_LOGFILE + " as a daemon, standard output with --nodaemon;"
                    + " - for standard error (with --nodaemon).")
    String logfile;

    /** More than this is a typing mistake. */
    private static final long MAX_LOG_SIZE = 1L << 40;

    private long logMaxSize;

    @Option(names = "--log-max-size", paramLabel = "SIZE", defaultValue = "1m",
            description = "The size at which the log file is rotated (512k, 1m, 2g...). Default: ${DEFAULT-VALUE}.")
    void logMaxSize(String text) {
        long bytes;
        try {
            bytes = ByteSize.parse(text);
        } catch (IllegalArgumentException e) {
            throw invalid("--log-max-size", "'" + text + "' is " + e.getMessage());
        }
        if (bytes == 0 || bytes > MAX_LOG_SIZE) {
            throw invalid("--log-max-size", "'" + text + "' is not a size above 0 and up to 1024g");
        }
        logMaxSize = bytes;
    }

    private int logBackups;

    @Option(names = "--log-backups", paramLabel = "N", defaultValue = "10",
            description = "How many rotated log files to keep besides the current one. Default: ${DEFAULT-VALUE}.")
    void logBackups(int value) {
        if (value < 0 || value > 10_000) {
            throw invalid("--log-backups", value + " is not a number of files from 0 to 10000");
        }
        logBackups = value;
    }

    private Duration stopTimeout;

    @Option(names = "--stop-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long the services may take to stop before the runner exits without them."
                    + " Default: ${DEFAULT-VALUE}.")
    void stopTimeout(double seconds) {
        if (!Double.isFinite(seconds) || seconds <= 0 || seconds > 3600) {
            throw invalid("--stop-timeout", "'" + seconds + "' is not a number of seconds above 0 and up to 3600");
        }
        stopTimeout = Duration.ofNanos(Math.round(seconds * 1e9));
    }

    @Option(names = "--app", paramLabel = "FILE.java",
            description = "Run the application an application file builds (the .tac of twistd), instead of a plugin.")
    Path app;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PLUGIN",
            description = "The plugin to run (listed below).")
    String plugin;

    @Parameters(index = "1..*", paramLabel = "PLUGIN_OPTION",
            description = "The plugin's options: see slowpoetry run PLUGIN --help.")
    List<String> pluginArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        RunMode mode = nodaemon ? RunMode.FOREGROUND
                : DaemonLauncher.isDaemon() ? RunMode.DAEMON : RunMode.LAUNCHER;
        LogTarget log = logTarget(mode);
        Optional<Request> request = request();
        if (request.isEmpty()) {
            return ExitCodes.OK; // a plugin's --help was printed
        }
        requireWritableDirectory("--pidfile", pidfile);
        var pidFile = new PidFile(pidfile);
        PidFileState found = pidFileState(pidFile);
        if (found instanceof PidFileState.Running(long pid)) {
            throw new UserException("another slowpoetry is running with pid " + pid + " (" + pidfile + ")", null,
                    ApplicationRunner.FAILED);
        }
        if (mode == RunMode.LAUNCHER) {
            return new DaemonLauncher(pidFile, logFile(), MonotonicClock.system()).launch(spec.commandLine().getErr());
        }
        ApplicationSource application = switch (request.get()) {
            case Request.Plugin(ApplicationSource fromPlugin) -> fromPlugin;
            case Request.AppFile(Path file) -> ApplicationFile.compile(file, spec.commandLine().getErr());
        };
        Logging.logTo(log);
        return serve(application, pidFile, found, mode == RunMode.DAEMON);
    }

    /** Step 6: the log is configured. */
    private int serve(ApplicationSource source, PidFile pidFile, PidFileState found, boolean daemon) throws Exception {
        Logger log = LoggerFactory.getLogger(RunCommand.class);
        log.info("Log opened.");
        if (found instanceof PidFileState.Stale(String why)) {
            try {
                pidFile.delete();
            } catch (IOException e) {
                throw new UserException("cannot remove the stale pid file " + pidfile + ": " + Messages.reason(e), e);
            }
            log.info("removed the stale pid file {}: {}", pidfile, why);
        }
        long pid = ProcessHandle.current().pid();
        try (var context = new RunContext(MonotonicClock.system())) {
            ApplicationRunner.Ready ready = () -> {
                pidFile.write(pid);
                if (daemon) {
                    LogLines.redirectStandardStreams(); // the launcher has gone: its stderr file with it
                }
            };
            var runner = new ApplicationRunner(source.build(context), context, ready, stopTimeout);
            return runner.run(spec.root().versionProvider().getVersion()[0]);
        } finally {
            removePidFile(pidFile, pid, log);
        }
    }

    /** What to run, from the plugin or --app; empty when a plugin's usage was asked for (and printed). */
    private Optional<Request> request() {
        if (app != null) {
            if (plugin != null) {
                throw new ParameterException(spec.commandLine(), "give a plugin or --app FILE.java, not both"
                        + " (the plugin was '" + plugin + "')");
            }
            return Optional.of(new Request.AppFile(app));
        }
        if (plugin == null) {
            throw new ParameterException(spec.commandLine(), "missing plugin: name one of " + Plugins.names()
                    + ", or give --app FILE.java");
        }
        ServiceMaker<?> maker = Plugins.find(plugin).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "unknown plugin '" + plugin + "'; the plugins are: " + Plugins.names()));
        return PluginOptions.parse(maker, pluginArgs, spec.commandLine()).map(Request.Plugin::new);
    }

    private LogTarget logTarget(RunMode mode) {
        if (STDERR.equals(logfile)) {
            if (mode == RunMode.LAUNCHER) {
                throw invalid("--logfile", "'-' (standard error) needs --nodaemon: a daemon has no terminal");
            }
            return new LogTarget.StandardError();
        }
        if (logfile == null && mode == RunMode.FOREGROUND) {
            return new LogTarget.StandardOutput();
        }
        requireWritableDirectory("--logfile", logFile());
        return new LogTarget.RollingFile(logFile(), logMaxSize, logBackups);
    }

    /** Checks, before anything starts, that {@code file} can be made in its directory. */
    private void requireWritableDirectory(String option, Path file) {
        Path directory = file.toAbsolutePath().getParent();
        if (directory == null) { // the root directory itself
            throw invalid(option, "cannot write " + file + ": it is a directory");
        }
        if (!Files.isDirectory(directory) || !Files.isWritable(directory)) {
            throw invalid(option, "cannot write " + file + ": " + directory + " is not a directory this process can write");
        }
    }

    private Path logFile() {
        return Path.of(logfile == null ? DEFAULT_LOGFILE : logfile);
    }

    private PidFileState pidFileState(PidFile pidFile) {
        try {
            return pidFile.state();
        } catch (IOException e) {
            throw new UserException("cannot read the pid file " + pidfile + ": " + Messages.reason(e), e);
        }
    }

    private void removePidFile(PidFile pidFile, long pid, Logger log) {
        try {
            pidFile.deleteIfHolds(pid);
        } catch (IOException e) {
            log.warn("cannot remove the pid file {}: {}", pidfile, Messages.reason(e));
        }
    }

    private ParameterException invalid(String option, String problem) {
        return new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + problem);
    }

    /** How this process runs. */
    private enum RunMode {
        /** {@code --nodaemon}: here, attached to the terminal. */
        FOREGROUND,
        /** Without {@code --nodaemon}: start the daemon and wait for it. */
        LAUNCHER,
        /** The process a launcher started: here, detached. */
        DAEMON
    }

    /** What the command line asks to run. */
    private sealed interface Request {
        /** A plugin, its options parsed. */
        record Plugin(ApplicationSource source) implements Request {
        }

        /** An application file: compiled only in the process that runs it (the daemon, not its launcher). */
        record AppFile(Path file) implements Request {
        }
    }
}
