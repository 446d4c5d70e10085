package org.slowpoetry.clients;

import org.slowpoetry.cli.CommandProvider;

/**
 * Contributes {@code slowpoetry get} (listed in {@code META-INF/services/org.slowpoetry.cli.CommandProvider}).
 *
 * <p><b>Threading:</b> called once on the main thread while the command line is assembled.
 */
public final class GetCommandProvider implements CommandProvider {
    @Override
    public Object newCommand() {
        return GetCommand.newCommandLine();
    }

    @Override
    public int order() {
        return 20;
    }
}
