package org.slowpoetry.servers.plugins;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slowpoetry.servers.ListenOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options the poetry plugins share (a picocli mixin): the text's {@code --port/-p},
 * {@code --poem} and {@code --iface} (Part 16), and exercise 16.3's second poem on a second port,
 * {@code --poem2} with {@code --port2}. Each setter checks its value as it is parsed, so a bad value
 * is a one-line usage error naming the option.
 *
 * <p><b>Threading:</b> written by picocli on the main thread while parsing, read by the plugin on
 * the same thread afterwards.
 */
final class PoetryOptions {

    /** A poem and the port it is served on. */
    record Served(Path poem, int port) {
    }

    /** The plugin's command, for usage errors. Injected by picocli. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    // Written by picocli while parsing (main thread), read by the plugin after.
    private int port;
    private Integer port2;

    /** {@code --iface}. */
    @Mixin
    IfaceOption iface;

    @Option(names = "--poem", required = true, paramLabel = "FILE", description = "The file containing the poem.")
    Path poem;

    @Option(names = "--poem2", paramLabel = "FILE",
            description = "A second poem, served on --port2 (exercise 16.3); give both or neither.")
    Path poem2;

    @Option(names = {"-p", "--port"}, paramLabel = "N", defaultValue = "10000",
            description = "The port number to listen on. Default: ${DEFAULT-VALUE}.")
    void port(int value) {
        port = ListenOptions.checkPort(spec, "--port", value);
    }

    @Option(names = "--port2", paramLabel = "N", description = "The port the second poem is served on.")
    void port2(int value) {
        port2 = ListenOptions.checkPort(spec, "--port2", value);
    }

    String iface() {
        return iface.iface();
    }

    /**
     * The poems and their ports: {@code --poem} on {@code --port}, then {@code --poem2} on
     * {@code --port2} if given.
     *
     * @throws ParameterException if only one of {@code --poem2} and {@code --port2} was given
     */
    List<Served> served() {
        if ((poem2 == null) != (port2 == null)) {
            throw new ParameterException(spec.commandLine(),
                    "--poem2 and --port2 go together: give both or neither");
        }
        var served = new ArrayList<Served>();
        served.add(new Served(poem, port));
        if (poem2 != null) {
            served.add(new Served(poem2, port2));
        }
        return served;
    }
}
