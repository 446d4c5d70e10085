package org.slowpoetry.servers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.slowpoetry.cli.UserException;
import org.slowpoetry.servers.transform.TransformImpl;
import org.slowpoetry.servers.transform.TransformServer;
import org.slowpoetry.servers.transform.TransformServerConfig;
import org.slowpoetry.time.MonotonicClock;
import org.slowpoetry.transform.TransformService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code slowpoetry serve transform}: Part 12's poetry transformation server, with our second
 * protocol on a second port (exercise 3), both in front of one
 * {@link TransformService#standard() TransformService}.
 *
 * <p><b>Threading:</b> picocli populates and calls it on the main thread, which then waits for the
 * server to be stopped (Ctrl-C).
 */
@Command(
        name = "transform",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        sortOptions = false,
        description = {
            "Serve poetry transformations, as the server of Part 12 does: a client sends one netstring"
                    + " holding NAME.POEM (UTF-8), gets one netstring holding the transformed poem, and"
                    + " the server closes. An unknown NAME, a request without '.', a malformed netstring"
                    + " or one longer than --max-request is closed with no reply (and a log line)."
                    + " Prints 'Serving transforms on HOST:PORT.' at start. Stop it with Ctrl-C.",
            "",
            "Transforms: cummingsify (lower case), upper, reverse-lines (last line first).",
            "",
            "With --line-port, the same transforms are also served one line at a time: the client sends"
                    + " 'NAME POEM' and a newline, the poem on one line with each newline written as the"
                    + " two characters \\n (a carriage return as \\r, a backslash as \\\\); the reply is"
                    + " the transformed poem on one line, escaped the same way. For example:",
            "  printf 'upper Roses are red,\\\\nsockets are blue.\\\\n\\n' | nc 127.0.0.1 PORT",
            "  ROSES ARE RED,\\nSOCKETS ARE BLUE.\\n",
            ""
        },
        footer = {
            "",
            "Impls (--impl NAME):",
            "  reactor  one event-loop thread, a Twisted-style protocol and factory per port (Part 12)",
            "  loom     a virtual thread per connection, owned by a structured task scope per port"
        })
final class ServeTransformCommand implements Callable<Integer> {

    /** The command, for its output stream. Injected by picocli. */
    @Spec
    CommandSpec spec;

    /** {@code --port} (for netstring requests), {@code --iface} and {@code --write-timeout}. */
    @Mixin
    ListenOptions listen;

    // Each field is written by its setter while picocli parses (main thread), read by call() after.
    private TransformImpl impl;
    private int linePort = -1;
    private int maxRequest;
    private Duration requestTimeout;

    @Option(names = "--impl", paramLabel = "NAME", defaultValue = "reactor",
            description = "How the server is written: reactor or loom (listed below). Default: ${DEFAULT-VALUE}.")
    void impl(String name) {
        try {
            impl = TransformImpl.named(name);
        } catch (IllegalArgumentException e) {
            throw invalid("--impl", e.getMessage());
        }
    }

    @Option(names = "--line-port", paramLabel = "N",
            description = "Also serve one-line requests (see above) on this port; 0 picks a free one."
                    + " Default: not served.")
    void linePort(int value) {
        linePort = listen.checkPort("--line-port", value);
    }

    @Option(names = "--max-request", paramLabel = "BYTES", defaultValue = "1048576",
            description = "The longest request accepted, in bytes; a longer one is closed as soon as its"
                    + " length shows it. Default: ${DEFAULT-VALUE} (1 MiB).")
    void maxRequest(int value) {
        if (value < 1) {
            throw invalid("--max-request", value + " is less than 1");
        }
        maxRequest = value;
    }

    @Option(names = "--request-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long a connection may take from connect to reply (fractions allowed); a client"
                    + " still sending, or not reading its reply, is closed then. Default: ${DEFAULT-VALUE}.")
    void requestTimeout(double seconds) {
        requestTimeout = listen.timeout("--request-timeout", seconds);
    }

    @Override
    public Integer call() {
        var config = new TransformServerConfig(TransformService.standard(), listen.iface(), listen.port(),
                OptionalInt.empty(), maxRequest, requestTimeout, listen.writeTimeout(), MonotonicClock.system());
        if (linePort >= 0) {
            config = config.withLinePort(linePort);
        }
        TransformServer server;
        try {
            server = impl.start(config);
        } catch (IOException e) {
            throw new UserException("cannot listen on " + Serving.hostPort(listen.iface(), listen.port())
                    + (linePort >= 0 ? " and " + linePort : "") + ": " + Serving.reason(e), e);
        }
        var out = spec.commandLine().getOut();
        out.println("Serving transforms on " + hostPort(server.address()) + ".");
        server.lineAddress().ifPresent(a -> out.println("Serving one-line transforms on " + hostPort(a) + "."));
        out.flush();
        return Serving.runUntilStopped(server);
    }

    private static String hostPort(InetSocketAddress address) {
        return Serving.hostPort(address.getAddress().getHostAddress(), address.getPort());
    }

    private ParameterException invalid(String option, String problem) {
        return listen.invalid(option, problem);
    }
}
