package org.slowpoetry.servers;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code slowpoetry serve slow|fast}: the parent of the two server commands, which do the work.
 *
 * <p><b>Threading:</b> picocli populates and runs it on the main thread.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        modelTransformer = ImplsHelp.class,
        subcommands = {
            ServeSlowCommand.class,
            ServeFastCommand.class,
            ServeTransformCommand.class,
            ServeProxyCommand.class,
            ServeTransformProxyCommand.class,
        },
        description = {
            "Run a server until Ctrl-C: 'slow' dribbles the poem out a few bytes at a time (Part 2),"
                    + " 'fast' sends it all at once (Part 11), 'transform' transforms poems sent to it"
                    + " (Part 12), 'proxy' fetches a poem from another server and caches it (Parts 14"
                    + " and 19), 'transform-proxy' forwards transforms to another server (14.4).",
            ""
        })
final class ServeCommand implements Runnable {

    /** Injected by picocli before {@link #run()}. */
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing server kind: say 'serve slow', 'serve fast', 'serve transform', 'serve proxy' or 'serve transform-proxy'");
    }
}
