package org.slowpoetry.clients.demo;

import org.slowpoetry.cli.CommandProvider;

/**
 * Contributes {@code slowpoetry demo} (listed in {@code META-INF/services/org.slowpoetry.cli.CommandProvider}).
 *
 * <p><b>Threading:</b> called once on the main thread while the command line is assembled.
 */
public final class DemoCommandProvider implements CommandProvider {
    @Override
    public Object newCommand() {
        return new DemoCommand();
    }

    @Override
    public int order() {
        return 30;
    }
}
