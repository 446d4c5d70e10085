package org.slowpoetry.clients.simulate;

import org.slowpoetry.cli.CommandProvider;

/**
 * Contributes {@code slowpoetry simulate} (listed in
 * {@code META-INF/services/org.slowpoetry.cli.CommandProvider}).
 *
 * <p><b>Threading:</b> called once on the main thread while the command line is assembled.
 */
public final class SimulateCommandProvider implements CommandProvider {
    @Override
    public Object newCommand() {
        return new SimulateCommand();
    }

    @Override
    public int order() {
        return 50;
    }
}
