package org.slowpoetry.cli;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tinylog.configuration.Configuration;

/**
 * Log configuration. tinylog reads {@code tinylog.properties} (level info, to stderr) when the first
 * log line is written, and its configuration is frozen from then on; so {@code --verbose} must be
 * seen before anything logs, or even gets a logger (getting one initialises the backend, which
 * freezes the configuration). {@link Main} calls {@link #configure(List)} first thing, and holds
 * no static logger for that reason. A long-running command that chooses its own log destination
 * ({@code slowpoetry run --logfile}) calls {@link #logTo} before it logs, for the same reason.
 *
 * <p><b>Threading:</b> call from the main thread before any other thread starts.
 */
public final class Logging {

    /**
     * The shape of a log line of {@link #logTo}, twistd's: a timestamp with its UTC offset, the
     * context in brackets (here the class that logged) and the message, as in
     * {@code 2026-12-07 21:04:05+0000 [ApplicationRunner] Server Shut Down.}. An exception's stack
     * trace follows its line.
     */
    public static final String LINE_FORMAT = "{date: yyyy-MM-dd HH:mm:ssZ} [{class-name}] {message}";

    /** Written by {@link #configure} on the main thread before any other thread starts; read anywhere. */
    private static volatile boolean verbose;

    private Logging() {
    }

    /** Raises the level to debug when {@code args} contain {@code --verbose} or {@code -v}. */
    public static void configure(List<String> args) {
        boolean wanted = args.contains("--verbose") || args.contains("-v");
        if (wanted && !Configuration.isFrozen()) {
            Configuration.set("level", "debug");
        }
        verbose = wanted;
    }

    /** Whether {@code --verbose} was given: callers print stack traces only then. */
    public static boolean verbose() {
        return verbose;
    }

    /**
     * Sends every log line from now on to {@code target}, in {@link #LINE_FORMAT}, at the level
     * {@link #configure} chose (debug under {@code --verbose}, else info). A file is written by
     * tinylog's rolling file writer, rotated by size (see {@link LogTarget.RollingFile}).
     *
     * {@snippet :
     * Logging.logTo(new LogTarget.RollingFile(Path.of("slowpoetry.log"), 1 << 20, 10));
     * LoggerFactory.getLogger(Runner.class).info("starting up");   // only now
     * }
     *
     * @throws IllegalStateException if a log line has been written, or a logger made, already: the
     *                               backend's configuration is frozen by then (a class that gets a
     *                               logger too early is a bug to fix, not a setting to ignore)
     */
    public static void logTo(LogTarget target) {
        if (Configuration.isFrozen()) {
            throw new IllegalStateException("the log is in use already, so it cannot be sent to " + target
                    + ": something got a logger before the log was configured");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("level", verbose ? "debug" : "info");
        settings.put("writingthread", "false");
        settings.putAll(writer(target));
        settings.put("writer.format", LINE_FORMAT);
        Configuration.replace(settings);
    }

    /** The writer's settings: tinylog's {@code writer*} properties. */
    private static Map<String, String> writer(LogTarget target) {
        return switch (target) {
            case LogTarget.StandardOutput() -> Map.of("writer", "console", "writer.stream", "out");
            case LogTarget.StandardError() -> Map.of("writer", "console", "writer.stream", "err");
            case LogTarget.RollingFile(var file, long maxBytes, int backups) -> Map.of(
                    "writer", "rolling file",
                    "writer.file", file.toAbsolutePath() + ".{count}",
                    "writer.latest", file.toAbsolutePath().toString(),
                    "writer.policies", "size: " + maxBytes,
                    // tinylog counts the file being written among the files it keeps
                    "writer.backups", Integer.toString(backups + 1),
                    "writer.charset", StandardCharsets.UTF_8.name(),
                    "writer.buffered", "false");
        };
    }
}
