package org.slowpoetry.loom;

import java.io.Serial;

/**
 * A process was spawned into a {@link ProcessScope} (or a child started by a {@link Supervisor})
 * that is closing or closed. Nothing was started.
 *
 * <p><b>Threading:</b> immutable; safe to throw and read on any thread.
 */
public final class ScopeClosedException extends IllegalStateException {
    @Serial
    private static final long serialVersionUID = 1L;

    public ScopeClosedException(String message) {
        super(message);
    }
}
