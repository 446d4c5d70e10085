package org.slowpoetry.servers;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where a server listens, {@code --port} and {@code --iface}, and how long it waits for a client
 * that does not read, {@code --write-timeout}: the options every {@code serve} command shares (a
 * picocli mixin). Each setter checks its value as it is parsed, so a bad value is a one-line usage
 * error naming the option. The checks are also public, for the options of {@code slowpoetry run}'s
 * plugins, which name and default these options their own way.
 *
 * {@snippet :
 * @Option(names = {"-p", "--port"}, defaultValue = "10000")
 * void port(int value) { port = ListenOptions.checkPort(spec, "--port", value); }
 * }
 *
 * <p><b>Threading:</b> written by picocli on the main thread while parsing, read by the command
 * on the same thread afterwards; the static checks are stateless.
 */
public final class ListenOptions {

    /** The command this mixin is part of, for usage errors. Injected by picocli. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    // Each field is written by its setter during parsing (main thread), read after it.
    private int port;
    private String iface;
    private Duration writeTimeout;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0",
            description = "The port to listen on; 0 (the default) picks a free one.")
    void port(int value) {
        port = checkPort("--port", value);
    }

    @Option(names = "--iface", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "The interface to listen on. Default: ${DEFAULT-VALUE} (loopback only).")
    void iface(String value) {
        iface = checkIface(spec, "--iface", value);
    }

    @Option(names = "--write-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Close a client that takes none of what is sent to it for this long (it does not"
                    + " read), so that it holds up no other client (fractions allowed). Default: ${DEFAULT-VALUE}.")
    void writeTimeout(double seconds) {
        writeTimeout = timeout("--write-timeout", seconds);
    }

    int port() {
        return port;
    }

    Duration writeTimeout() {
        return writeTimeout;
    }

    String iface() {
        return iface;
    }

    /** {@code value} if it is a port number, else a usage error naming {@code option}. */
    int checkPort(String option, int value) {
        return checkPort(spec, option, value);
    }

    /** {@code value} if it is a port number (0 for any free one), else a usage error of {@code spec} naming {@code option}. */
    public static int checkPort(CommandSpec spec, String option, int value) {
        if (value < 0 || value > 65_535) {
            throw invalid(spec, option, value + " is out of range 0–65535");
        }
        return value;
    }

    /**
     * {@code value} if it is an interface to listen on (a host name that resolves, or a literal
     * address), else a usage error of {@code spec} naming {@code option}.
     */
    public static String checkIface(CommandSpec spec, String option, String value) {
        if (value.isBlank()) {
            throw invalid(spec, option, "an empty interface address");
        }
        try {
            InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            throw invalid(spec, option, "'" + value + "' is not a known host or address");
        }
        return value;
    }

    /** A day: a longer timeout is a typing mistake. */
    static final double MAX_TIMEOUT_SECONDS = 86_400;

    /**
     * {@code seconds} as a timeout, if it is above 0 and at most {@link #MAX_TIMEOUT_SECONDS}; else
     * a usage error naming {@code option}.
     */
    Duration timeout(String option, double seconds) {
        if (!Double.isFinite(seconds) || seconds <= 0 || seconds > MAX_TIMEOUT_SECONDS) {
            throw invalid(option, "'" + seconds + "' is not a number of seconds above 0 and up to "
                    + (long) MAX_TIMEOUT_SECONDS);
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    /** A usage error in picocli's words: {@code Invalid value for option '--port': ...}. */
    ParameterException invalid(String option, String problem) {
        return invalid(spec, option, problem);
    }

    /** A usage error of {@code spec} in picocli's words: {@code Invalid value for option '--port': ...}. */
    public static ParameterException invalid(CommandSpec spec, String option, String problem) {
        return new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + problem);
    }
}
