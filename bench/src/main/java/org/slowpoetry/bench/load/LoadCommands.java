package org.slowpoetry.bench.load;

import java.util.List;

/**
 * The hidden subcommands of {@code slowpoetry bench} that {@code bench load} runs in its child
 * processes: {@code server} and {@code loadgen}. They are package-private to this package.
 *
 * <p><b>Threading:</b> stateless.
 */
public final class LoadCommands {
    private LoadCommands() {
    }

    /** New instances of the hidden commands. */
    public static List<Object> hidden() {
        return List.of(new BenchServerCommand(), new LoadGenCommand());
    }
}
