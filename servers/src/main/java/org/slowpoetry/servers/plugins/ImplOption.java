package org.slowpoetry.servers.plugins;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.slowpoetry.servers.ListenOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --impl}, how a plugin's server is written (a picocli mixin), {@code reactor} unless
 * given; each plugin says which {@link Impl}s it has.
 *
 * {@snippet :
 * @Mixin
 * ImplOption impl = new ImplOption(EnumSet.of(Impl.REACTOR, Impl.LOOM));
 * }
 *
 * <p><b>Threading:</b> written by picocli on the main thread while parsing, read after.
 */
final class ImplOption {

    /** The plugin's command, for usage errors. Injected by picocli. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private final Set<Impl> allowed;
    /** Written by the setter while picocli parses, read by the plugin after. */
    private Impl impl;

    ImplOption(Set<Impl> allowed) {
        this.allowed = EnumSet.copyOf(allowed);
    }

    @Option(names = "--impl", paramLabel = "NAME", defaultValue = "reactor",
            description = "How the server is written: reactor (on the one shared event loop, as twistd's: serve's --loops is not for plugins), loom (a virtual"
                    + " thread per client) or, for slowpoetry, erlang (a supervised process per client)."
                    + " Default: ${DEFAULT-VALUE}.")
    void impl(String name) {
        impl = Arrays.stream(Impl.values())
                .filter(i -> allowed.contains(i) && i.cliName().equals(name))
                .findFirst()
                .orElseThrow(() -> invalid(name));
    }

    Impl impl() {
        return impl;
    }

    private ParameterException invalid(String name) {
        return ListenOptions.invalid(spec, "--impl", "'" + name + "' is not one of "
                + allowed.stream().map(Impl::cliName).collect(Collectors.joining(", ")));
    }
}
