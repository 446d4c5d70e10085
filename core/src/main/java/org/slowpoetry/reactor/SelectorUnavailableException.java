package org.slowpoetry.reactor;

import java.io.Serial;

/**
 * The selector asked for cannot be opened in this JVM, and the message says what to do about it
 * (see {@link SelectorKind#POLL}).
 *
 * <p><b>Threading:</b> immutable.
 */
public final class SelectorUnavailableException extends IllegalStateException {
    @Serial
    private static final long serialVersionUID = 1L;

    public SelectorUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
