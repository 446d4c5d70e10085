package org.slowpoetry.servers.plugins;

import java.util.EnumSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The {@code fastpoetry} plugin's options: Part 16's {@code Options} class, plus exercise 16.3's
 * second poem and {@code --impl}.
 *
 * <p><b>Threading:</b> written by picocli on the runner's main thread while parsing, read by the
 * plugin on the same thread afterwards.
 */
@Command(name = "fastpoetry", description = "A fast poetry service.", sortOptions = false,
        usageHelpAutoWidth = true)
public final class FastPoetryOptions {

    /** {@code --port/-p}, {@code --poem}, {@code --iface}, {@code --poem2}, {@code --port2}. */
    @Mixin
    PoetryOptions poetry;

    /** {@code --impl}. */
    @Mixin
    ImplOption impl = new ImplOption(EnumSet.of(Impl.REACTOR, Impl.LOOM));

    @Mixin
    PluginHelp help;

    Impl impl() {
        return impl.impl();
    }
}
