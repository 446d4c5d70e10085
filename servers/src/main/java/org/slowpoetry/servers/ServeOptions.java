package org.slowpoetry.servers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slowpoetry.protocol.PoemFraming;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The options {@code serve slow} and {@code serve fast} share (a picocli mixin), with
 * {@link ListenOptions}. Each setter
 * checks its value as it is parsed, so a bad value is a one-line usage error naming the option.
 *
 * <p><b>Threading:</b> written by picocli on the main thread while parsing, read by the command
 * on the same thread afterwards.
 */
final class ServeOptions {

    /** The command this mixin is part of, for usage errors. Injected by picocli. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    // Each field is written by its setter during parsing (main thread), read after it.
    private String impl;
    private int maxConnections;
    private String selector;
    private Duration stats;
    private int loops = Runtime.getRuntime().availableProcessors();

    /** {@code --port}, {@code --iface} and {@code --write-timeout}. */
    @Mixin
    ListenOptions listen;

    /** The poem file, as given. Written by picocli, read by {@link Serving}. */
    @Parameters(index = "0", paramLabel = "POEM", description = "The poem file to serve.")
    Path poem;

    @Option(names = "--impl", paramLabel = "NAME", defaultValue = "blocking",
            completionCandidates = ImplNames.class,
            description = "How the server is written: ${COMPLETION-CANDIDATES} (listed below)."
                    + " Default: ${DEFAULT-VALUE}.")
    void impl(String name) {
        // Checked against the plugins when the command runs (ServerImpls.find names the choices).
        impl = name;
    }

    /** {@code --netstrings}; written by picocli while parsing, read after. */
    @Option(names = "--netstrings",
            description = "Send the poem as one netstring, LEN:POEM, (Part 12, exercise 6), so that a client"
                    + " run with 'get --netstrings' can tell a whole poem from one cut short."
                    + " A slow server paces the netstring's bytes.")
    boolean netstrings;

    /** {@code --quiet}; written by picocli while parsing, read after. */
    @Option(names = "--quiet",
            description = "Print only the start line, 'Serving POEM on port N.': no line per client or send.")
    boolean quiet;

    @Option(names = "--stats", paramLabel = "SECONDS",
            description = "Every SECONDS, one line of runtime statistics on stderr: connections open,"
                    + " virtual threads, busy carrier threads, pinned virtual threads, GC pauses, the reactor"
                    + " loop's busiest iteration (from in-process JFR event streaming).")
    void stats(double seconds) {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw invalid("--stats", seconds + " is not a positive number of seconds");
        }
        stats = Duration.ofNanos(Math.round(seconds * 1e9));
    }

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "0",
            description = "Connections served at once; more are closed as soon as they are accepted."
                    + " 0 (the default) means no limit. The blocking impl serves one at a time anyway.")
    void maxConnections(int value) {
        if (value < 0) {
            throw invalid("--max-connections", value + " is negative (0 means no limit)");
        }
        maxConnections = value;
    }

    @Option(names = "--selector", paramLabel = "KIND", defaultValue = "epoll",
            description = "Reactor impls: the I/O multiplexer, epoll or poll. Default: ${DEFAULT-VALUE}."
                    + " Other impls ignore it.")
    void selector(String value) {
        if (!ServerConfig.SELECTORS.contains(value)) {
            throw invalid("--selector", "'" + value + "' is not one of " + String.join(", ", ServerConfig.SELECTORS));
        }
        selector = value;
    }

    @Option(names = "--loops", paramLabel = "N",
            description = "The reactor impl: event loops serving the port, each a thread with its own selector."
                    + " Default: the number of cores."
                    + " 1 is the text's single-threaded reactor. Other impls ignore it.")
    void loops(int value) {
        if (value < 1) {
            throw invalid("--loops", value + " is not a number of loops (at least 1)");
        }
        loops = value;
    }

    String impl() {
        return impl;
    }

    int port() {
        return listen.port();
    }

    String iface() {
        return listen.iface();
    }

    Duration writeTimeout() {
        return listen.writeTimeout();
    }

    int maxConnections() {
        return maxConnections;
    }

    String selector() {
        return selector;
    }

    /** {@code --stats}: how often to print a stats line, if at all. */
    Optional<Duration> stats() {
        return Optional.ofNullable(stats);
    }

    boolean quiet() {
        return quiet;
    }

    int loops() {
        return loops;
    }

    PoemFraming framing() {
        return netstrings ? PoemFraming.NETSTRING : PoemFraming.NONE;
    }

    /** A usage error in picocli's words: {@code Invalid value for option '--num-bytes': ...}. */
    ParameterException invalid(String option, String problem) {
        return new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + problem);
    }
}
