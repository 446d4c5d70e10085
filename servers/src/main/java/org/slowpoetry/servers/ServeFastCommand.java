package org.slowpoetry.servers;

import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code slowpoetry serve fast POEM}: the poetry server of Part 11, which writes the whole poem to
 * each connection at once and closes it.
 *
 * <p><b>Threading:</b> picocli populates and calls it on the main thread, which then waits for the
 * server to be stopped (Ctrl-C).
 */
@Command(
        name = "fast",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        sortOptions = false,
        modelTransformer = ImplsHelp.class,
        description = {
            "Serve POEM as fast as the network allows, as the Twisted server of Part 11 does: the whole"
                    + " poem to each connection, then close it. Prints 'Serving POEM on port N.' at"
                    + " start and a line per client. Stop it with Ctrl-C.",
            ""
        })
final class ServeFastCommand implements Callable<Integer> {

    /** Shared options and the POEM argument. */
    @Mixin
    ServeOptions options;

    @Override
    public Integer call() {
        // A fast server has no pacing; the config's slow-only fields keep their neutral values.
        return Serving.serve(ServerKind.FAST, options, 1, Duration.ZERO);
    }
}
