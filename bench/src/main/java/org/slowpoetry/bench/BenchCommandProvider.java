package org.slowpoetry.bench;

import org.slowpoetry.cli.CommandProvider;

/**
 * Contributes {@code slowpoetry bench} (order 60, last in the help).
 *
 * <p><b>Threading:</b> called once on the main thread while the command line is assembled.
 */
public final class BenchCommandProvider implements CommandProvider {
    @Override
    public Object newCommand() {
        return BenchCommand.withHelpers();
    }

    @Override
    public int order() {
        return 60;
    }
}
