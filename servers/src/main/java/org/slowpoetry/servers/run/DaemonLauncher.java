package org.slowpoetry.servers.run;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.slowpoetry.cli.UserException;
import org.slowpoetry.time.MonotonicClock;

/**
 * Daemon mode's first half: {@code slowpoetry run PLUGIN ...} without {@code --nodaemon} starts
 * the same command again as a daemon, detached from the terminal and the session, and returns once
 * the daemon serves, or fails with the daemon's own error and exit status. One command, as
 * {@code twistd PLUGIN} is.
 *
 * <p><b>Threading:</b> {@link #launch} on the runner's main thread; it blocks until the daemon is
 * ready or has failed, at most {@link #READY_TIMEOUT}.
 */
final class DaemonLauncher {

    /* Implementation overview
     *
     * A JVM cannot fork itself, so twistd's double fork becomes: start a new JVM with the same
     * command line (ProcessHandle.current().info(): the java binary and every argument, JVM flags
     * and class path included), under setsid(1), which makes it the leader of a new session with
     * no controlling terminal: closing the terminal or Ctrl-C in it does not reach the daemon.
     * (setsid forks only when the caller leads a process group, and a child of ProcessBuilder
     * never does, so the daemon's pid is the pid of the process we started.) Its stdin and stdout
     * are /dev/null; its stderr is a temporary file, so that an early failure (a compile error,
     * a port in use) can be shown here.
     *
     * The daemon knows it is one by the MARKER variable in its environment, which holds our pid:
     * it then runs as with --nodaemon, but logs to the log file by default. It writes the pid file
     * once its services have started. We poll for that, waiting on the daemon's exit between
     * looks: the pid file holding the daemon's pid means ready (exit 0, and the temporary file is
     * deleted; the daemon, once ready, sends its System.out and System.err to its log, LogLines);
     * the daemon exiting
     * first means it failed (its stderr is relayed, and its exit status is ours). Neither within
     * READY_TIMEOUT: the daemon is stopped, and we fail.
     */

    /** The environment variable that makes a process the daemon of the launcher whose pid it holds. */
    static final String MARKER = "SLOWPOETRY_DAEMON_OF";
    /** How long the daemon may take to start its services. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    /** How often the pid file is looked at while waiting. */
    private static final Duration POLL = Duration.ofMillis(50);
    /** At most this much of the daemon's stderr is relayed. */
    private static final int MAX_RELAYED_BYTES = 64 * 1024;

    private final PidFile pidFile;
    private final Path logFile;
    private final MonotonicClock clock;

    DaemonLauncher(PidFile pidFile, Path logFile, MonotonicClock clock) {
        this.pidFile = Objects.requireNonNull(pidFile, "pidFile");
        this.logFile = Objects.requireNonNull(logFile, "logFile");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether this process is a daemon started by {@link #launch}: its parent is the launcher named by the marker. */
    static boolean isDaemon() {
        String launcher = System.getenv(MARKER);
        return launcher != null && ProcessHandle.current().parent()
                .map(parent -> Long.toString(parent.pid()).equals(launcher))
                .orElse(false);
    }

    /**
     * Starts this command again as a daemon and waits until it serves.
     *
     * @param err where the daemon's error output goes if it fails before serving
     * @return 0 once the daemon serves; the daemon's exit status if it ended before that
     * @throws UserException if no daemon could be started, or it was not ready in time (exit 1)
     */
    int launch(PrintWriter err) throws InterruptedException {
        ProcessHandle.Info self = ProcessHandle.current().info();
        List<String> command = new ArrayList<>();
        command.add("setsid");
        command.add(self.command().orElseThrow(() -> cannotStart("this JVM does not show its command", null)));
        command.addAll(List.of(self.arguments().orElseThrow(() -> cannotStart("this JVM does not show its arguments", null))));
        Path errors = null;
        try {
            errors = Files.createTempFile("slowpoetry-daemon-", ".err");
            var builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(errors.toFile());
            builder.environment().put(MARKER, Long.toString(ProcessHandle.current().pid()));
            Process daemon = builder.start();
            return awaitReady(daemon, errors, err);
        } catch (IOException e) {
            throw cannotStart(Messages.reason(e), e);
        } finally {
            deleteQuietly(errors);
        }
    }

    private int awaitReady(Process daemon, Path errors, PrintWriter err) throws InterruptedException, IOException {
        long start = clock.nanoTime();
        while (clock.since(start).compareTo(READY_TIMEOUT) < 0) {
            if (pidFile.pid().equals(OptionalLong.of(daemon.pid()))) {
                return 0;
            }
            if (daemon.waitFor(POLL)) {
                relay(errors, err);
                return daemon.exitValue();
            }
        }
        daemon.destroy(); // SIGTERM: it stops what it has started, and removes its pid file
        relay(errors, err);
        throw new UserException("the daemon (pid " + daemon.pid() + ") was not serving after "
                + READY_TIMEOUT.toSeconds() + " s, so it was stopped; see its log, " + logFile, null,
                ApplicationRunner.FAILED);
    }

    /** Copies what the daemon wrote to its stderr to {@code err}. */
    private static void relay(Path errors, PrintWriter err) throws IOException {
        try (InputStream in = Files.newInputStream(errors)) {
            err.print(new String(in.readNBytes(MAX_RELAYED_BYTES), StandardCharsets.UTF_8));
            err.flush();
        }
    }

    private static UserException cannotStart(String why, Throwable cause) {
        return new UserException("cannot start a daemon: " + why + " (run with --nodaemon to stay in the foreground)",
                cause, ApplicationRunner.FAILED);
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file left behind is harmless; the daemon goes on either way
        }
    }
}
