package org.slowpoetry.servers;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code slowpoetry serve slow POEM}: the slow poetry server of Part 2, sending {@code --num-bytes}
 * every {@code --delay} seconds to one connection after another (or to many at once, depending on
 * {@code --impl}).
 *
 * <p><b>Threading:</b> picocli populates and calls it on the main thread, which then waits for the
 * server to be stopped (Ctrl-C).
 */
@Command(
        name = "slow",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        sortOptions = false,
        modelTransformer = ImplsHelp.class,
        description = {
            "Serve POEM slowly, as the blocking server of Part 2 does: NUM-BYTES bytes every DELAY"
                    + " seconds, then close the connection. Prints 'Serving POEM on port N.' at start,"
                    + " a line per client and per send. Stop it with Ctrl-C.",
            ""
        })
final class ServeSlowCommand implements Callable<Integer> {

    /** Shared options and the POEM argument. */
    @Mixin
    ServeOptions options;

    /** {@code --num-bytes} and {@code --delay}. */
    @Mixin
    PacingOptions pacing;

    @Override
    public Integer call() {
        return Serving.serve(ServerKind.SLOW, options, pacing.numBytes(), pacing.delay());
    }
}
