package org.slowpoetry.servers.plugins;

import java.util.EnumSet;
import org.slowpoetry.servers.ListenOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code transform} plugin's options: the text's transformation server's {@code --port}
 * (11000, as the text runs it) and {@code --iface}, and {@code --impl}.
 *
 * <p><b>Threading:</b> written by picocli on the runner's main thread while parsing, read by the
 * plugin on the same thread afterwards.
 */
@Command(name = "transform", description = "A poetry transformation service.", sortOptions = false,
        usageHelpAutoWidth = true)
public final class TransformOptions {

    /** Injected by picocli. */
    @Spec
    CommandSpec spec;

    // Written by the setters while picocli parses (main thread), read by the plugin after.
    private int port;

    @Option(names = {"-p", "--port"}, paramLabel = "N", defaultValue = "11000",
            description = "The port number to listen on (netstring requests, Part 12). Default: ${DEFAULT-VALUE}.")
    void port(int value) {
        port = ListenOptions.checkPort(spec, "--port", value);
    }

    /** {@code --iface}. */
    @Mixin
    IfaceOption iface;

    /** {@code --impl}. */
    @Mixin
    ImplOption impl = new ImplOption(EnumSet.of(Impl.REACTOR, Impl.LOOM));

    @Mixin
    PluginHelp help;

    int port() {
        return port;
    }

    Impl impl() {
        return impl.impl();
    }
}
