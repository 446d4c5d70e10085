package org.slowpoetry.servers.plugins;

import java.util.EnumSet;
import org.slowpoetry.servers.PacingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The {@code slowpoetry} plugin's options: the {@code fastpoetry} plugin's, and the pacing of
 * {@code serve slow} ({@code --num-bytes}, {@code --delay}).
 *
 * <p><b>Threading:</b> written by picocli on the runner's main thread while parsing, read by the
 * plugin on the same thread afterwards.
 */
@Command(name = "slowpoetry", description = "A slow poetry service.", sortOptions = false,
        usageHelpAutoWidth = true)
public final class SlowPoetryOptions {

    /** {@code --port/-p}, {@code --poem}, {@code --iface}, {@code --poem2}, {@code --port2}. */
    @Mixin
    PoetryOptions poetry;

    /** {@code --num-bytes}, {@code --delay}. */
    @Mixin
    PacingOptions pacing;

    /** {@code --impl}. */
    @Mixin
    ImplOption impl = new ImplOption(EnumSet.allOf(Impl.class));

    @Mixin
    PluginHelp help;

    Impl impl() {
        return impl.impl();
    }
}
