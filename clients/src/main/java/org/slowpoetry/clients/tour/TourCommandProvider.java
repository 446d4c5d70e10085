package org.slowpoetry.clients.tour;

import org.slowpoetry.cli.CommandProvider;

/** Contributes {@code slowpoetry tour}. */
public final class TourCommandProvider implements CommandProvider {
    @Override
    public Object newCommand() {
        return new TourCommand();
    }

    @Override
    public int order() {
        return 40;
    }
}
