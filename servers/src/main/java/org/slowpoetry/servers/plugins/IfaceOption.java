package org.slowpoetry.servers.plugins;

import org.slowpoetry.servers.ListenOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --iface}, the interface a plugin's server listens on, {@code localhost} unless given (the
 * text's default); a picocli mixin.
 *
 * <p><b>Threading:</b> written by picocli on the main thread while parsing, read after.
 */
final class IfaceOption {

    /** The plugin's command, for usage errors. Injected by picocli. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** Written by the setter while picocli parses, read by the plugin after. */
    private String iface;

    @Option(names = "--iface", paramLabel = "ADDR", defaultValue = "localhost",
            description = "The interface to listen on. Default: ${DEFAULT-VALUE}.")
    void iface(String value) {
        iface = ListenOptions.checkIface(spec, "--iface", value);
    }

    String iface() {
        return iface;
    }
}
