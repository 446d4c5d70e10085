package org.slowpoetry.bench.jmh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.slowpoetry.cli.ExitCodes;
import org.slowpoetry.cli.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code slowpoetry bench jmh [JMH options]}: runs the microbenchmarks of this package with JMH,
 * in this process (JMH forks its measuring JVMs itself, with {@code --enable-preview}, from this
 * JVM's class path). Every JMH option works ({@code -f 1 -wi 1 -i 1}, a benchmark regex, {@code -l},
 * {@code -h}); results are printed as JMH's table and saved as JSON to
 * {@code bench/target/jmh/jmh.json} in the checkout unless {@code -rf}/{@code -rff} say otherwise (so
 * a run leaves the committed {@code bench/results/jmh.json} alone; {@code -rff bench/results/jmh.json}
 * writes there). {@code --help} is
 * ours (this command's usage); JMH's own {@code -h} lists JMH's options.
 *
 * <p><b>Threading:</b> picocli runs it on the main thread, which waits for JMH to finish.
 */
@Command(
        name = "jmh",
        usageHelpAutoWidth = true,
        description = {
            "Run the JMH microbenchmarks (any JMH option works; -h for JMH's help, -l to list them)."
                    + " Results: JMH's table, and " + JmhCommand.DEFAULT_RESULTS + " in the checkout"
                    + " (-rff FILE to choose).",
            ""
        })
public final class JmhCommand implements Callable<Integer> {

    /** Where results go unless {@code -rf}/{@code -rff} are given, relative to the checkout. */
    static final String DEFAULT_RESULTS = "bench/target/jmh/jmh.json";

    /** {@code --help} only: {@code -h} is JMH's (its option list), so the standard mixin's {@code -h} cannot be. */
    @Option(names = "--help", usageHelp = true, description = "Show this help and exit (-h: JMH's options).")
    boolean help;

    /** Every argument, in order, for JMH (picocli passes on all it does not know: all but {@code --help}). */
    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        var all = new ArrayList<String>();
        if (!args.contains("-rf") && !args.contains("-rff")) {
            Path results = checkout().resolve(DEFAULT_RESULTS);
            Files.createDirectories(results.getParent());
            // First: an option the user left without its value (-wi) must not take ours as its value.
            all.addAll(List.of("-rf", "json", "-rff", results.toString()));
        }
        all.addAll(args);
        CommandLineOptions options;
        try {
            options = new CommandLineOptions(all.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            throw new UserException("bad JMH option: " + e.getMessage(), e);
        }
        var runner = new Runner(options);
        if (options.shouldHelp()) {
            options.showHelp();
        } else if (options.shouldList()) {
            runner.list();
        } else if (options.shouldListWithParams()) {
            runner.listWithParams(options);
        } else if (options.shouldListProfilers()) {
            options.listProfilers();
        } else if (options.shouldListResultFormats()) {
            options.listResultFormats();
        } else {
            try {
                if (runner.run().isEmpty()) {
                    throw new UserException("no benchmark matched " + options.getIncludes());
                }
            } catch (RunnerException e) {
                throw new UserException("JMH failed: " + e.getMessage(), e, ExitCodes.SOME_FAILED);
            }
        }
        return ExitCodes.OK;
    }

    /** The checkout: the launcher's {@code slowpoetry.home}, else the working directory or its parent. */
    static Path checkout() {
        String home = System.getProperty("slowpoetry.home");
        Path base = home != null ? Path.of(home) : Path.of("").toAbsolutePath();
        if (home == null && !Files.isDirectory(base.resolve("bench")) && base.getFileName() != null
                && base.getFileName().toString().equals("bench")) {
            base = base.getParent(); // run from the bench module (tests)
        }
        return base;
    }
}
