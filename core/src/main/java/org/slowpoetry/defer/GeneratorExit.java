package org.slowpoetry.defer;

import java.io.Serial;

/**
 * Thrown at a generator body's pending {@link Yielder#yield} by {@link Generator#close()}: Python's
 * {@code GeneratorExit}. Like Python's, it is not an {@link Exception}, so a body's ordinary
 * {@code catch (Exception e)} lets it through and {@code finally} blocks run as the body unwinds.
 * No stack trace: it is a signal, not an error.
 */
final class GeneratorExit extends Error {
    @Serial
    private static final long serialVersionUID = 1L;

    GeneratorExit() {
        super("generator closed", null, false, false);
    }
}
