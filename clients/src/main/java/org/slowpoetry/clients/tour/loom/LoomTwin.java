package org.slowpoetry.clients.tour.loom;

import java.util.Objects;
import java.util.Optional;
import org.slowpoetry.clients.tour.TourExample;

/**
 * What every Loom twin shares: its name ({@code ORIGINAL-loom}), the Part and one-line summary,
 * and the name of the reactor example it is the twin of. A twin is the original's idea written as
 * Loom code would be, not an imitation of its output: plain return values and exceptions on
 * virtual threads, a {@code StructuredTaskScope} with a joiner for the fan-out, interruption and
 * scope shutdown for cancellation, a scope timeout for a timeout, a {@code ScopedValue} for
 * context. It prints the original's lines; where the semantics truly differ it prints what differs,
 * and its Javadoc says why.
 *
 * <p><b>Threading:</b> immutable; {@link #run} as {@link TourExample} says: every thread a twin
 * starts has ended when it returns (a scope owns them).
 */
public abstract class LoomTwin implements TourExample {
    private final String original;
    private final int part;
    private final String summary;

    /**
     * @param original the name of the example this is the twin of; the twin is {@code original-loom}
     * @param part     the Part of the text
     * @param summary  one line: the Loom idiom it shows
     */
    protected LoomTwin(String original, int part, String summary) {
        this.original = Objects.requireNonNull(original, "original");
        this.part = part;
        this.summary = Objects.requireNonNull(summary, "summary");
    }

    @Override
    public final String name() {
        return original + "-loom";
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
    public final Optional<String> twinOf() {
        return Optional.of(original);
    }

    @Override
    public String toString() {
        return name();
    }
}
