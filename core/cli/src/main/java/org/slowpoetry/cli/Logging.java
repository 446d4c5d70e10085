package org.slowpoetry.cli;

import java.util.List;
import org.tinylog.configuration.Configuration;

/**
 * Log configuration. tinylog reads {@code tinylog.properties} (level info, to stderr) when the first
 * log line is written, and its configuration is frozen from then on; so {@code --verbose} must be
 * seen before anything logs, or even gets a logger (getting one initialises the backend, which
 * freezes the configuration). {@link Main} calls {@link #configure(List)} first thing, and holds
 * no static logger for that reason.
 *
 * <p><b>Threading:</b> call from the main thread before any other thread starts.
 */
public final class Logging {
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
}
