package org.slowpoetry.clients.tour.defer;

import java.util.Objects;
import org.slowpoetry.clients.tour.TourExample;

/**
 * What every example in this package shares: its name, Part and one-line summary, so that each
 * example class holds little more than the program it translates.
 *
 * <p><b>Threading:</b> immutable; {@link #run} as {@link TourExample} says.
 */
abstract class Example implements TourExample {
    private final String name;
    private final int part;
    private final String summary;

    Example(String name, int part, String summary) {
        this.name = Objects.requireNonNull(name, "name");
        this.part = part;
        this.summary = Objects.requireNonNull(summary, "summary");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int part() {
        return part;
    }

    @Override
    public final String summary() {
        return summary;
    }

    @Override
    public String toString() {
        return name;
    }
}
