package org.slowpoetry.clients.tour.defer;

import java.io.Serial;

/** The made-up error of the Failure examples (failure-1, failure-2). Immutable. */
final class RhymeSchemeViolation extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    RhymeSchemeViolation() {
        super("the rhyme scheme is violated");
    }
}
