package org.slowpoetry.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The root command. Its subcommands come from {@link CommandProvider} plugins.
 *
 * <p><b>Threading:</b> picocli populates and runs it on the main thread.
 */
@Command(
        name = "slowpoetry",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        description = {
            "Two styles of concurrent network code, taught, run and benchmarked with the programs of"
                    + " \"An Introduction to Asynchronous Programming and Twisted\": blocking-style code"
                    + " on virtual threads (Loom) and an explicit event loop (reactor).",
            ""
        },
        footer = {"", "Start with: slowpoetry demo"})
public final class SlowpoetryCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            description = "Debug logging, and full stack traces for errors.")
    boolean verbose;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command");
    }
}
