package org.slowpoetry.servers;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.function.BiFunction;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The options {@code serve slow} and {@code serve fast} share (a picocli mixin). Each setter
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
    private int port;
    private String iface;
    private int maxConnections;
    private String selector;

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

    @Option(names = "--port", paramLabel = "N", defaultValue = "0",
            description = "The port to listen on; 0 (the default) picks a free one.")
    void port(int value) {
        port = checkPort(value, this::invalid);
    }

    @Option(names = "--iface", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "The interface to listen on. Default: ${DEFAULT-VALUE} (loopback only).")
    void iface(String value) {
        iface = checkIface(value, this::invalid);
    }

    /** {@code value} if it is a port to listen on; else the usage error {@code invalid} makes. */
    static int checkPort(int value, BiFunction<String, String, ParameterException> invalid) {
        if (value < 0 || value > 65_535) {
            throw invalid.apply("--port", value + " is out of range 0–65535");
        }
        return value;
    }

    /** {@code value} if it is an interface to listen on; else the usage error {@code invalid} makes. */
    static String checkIface(String value, BiFunction<String, String, ParameterException> invalid) {
        if (value.isBlank()) {
            throw invalid.apply("--iface", "an empty interface address");
        }
        try {
            InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            throw invalid.apply("--iface", "'" + value + "' is not a known host or address");
        }
        return value;
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

    String impl() {
        return impl;
    }

    int port() {
        return port;
    }

    String iface() {
        return iface;
    }

    int maxConnections() {
        return maxConnections;
    }

    String selector() {
        return selector;
    }

    /** A usage error in picocli's words: {@code Invalid value for option '--port': ...}. */
    ParameterException invalid(String option, String problem) {
        return new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + problem);
    }
}
