package org.slowpoetry.bench;

import org.slowpoetry.bench.jmh.JmhCommand;
import org.slowpoetry.bench.load.LoadCommand;
import org.slowpoetry.bench.load.LoadCommands;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code slowpoetry bench}: what the Loom style costs or saves against an explicit reactor, and
 * against what people use today (Netty, Twisted), measured on this machine.
 *
 * <p><b>Threading:</b> picocli populates and runs it on the main thread.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Benchmarks: 'bench load' runs every server style side by side under load; 'bench jmh' runs the"
                    + " microbenchmarks (netstrings, Deferred vs CompletableFuture, Mailbox vs queues,"
                    + " virtual threads vs reactor calls).",
            ""
        },
        subcommands = {LoadCommand.class, JmhCommand.class})
public final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: load or jmh");
    }

    /** The command object with its hidden helpers (loadgen, server) added. */
    static picocli.CommandLine withHelpers() {
        var cli = new picocli.CommandLine(new BenchCommand());
        LoadCommands.hidden().forEach(cli::addSubcommand);
        return cli;
    }
}
