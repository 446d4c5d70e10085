package org.slowpoetry.defer;

import java.io.Serial;

/**
 * A {@link Deferred} was fired a second time: Twisted's {@code AlreadyCalledError}. A Deferred is
 * fired once, with {@link Deferred#callback} or {@link Deferred#errback}, just as a {@code try}
 * block either returns or throws, once.
 *
 * <p>Not to be confused with {@link org.slowpoetry.reactor.AlreadyCalledException}, which is about
 * a timer that has already run.
 *
 * <p><b>Threading:</b> immutable.
 */
public final class AlreadyCalledException extends IllegalStateException {
    @Serial
    private static final long serialVersionUID = 1L;

    public AlreadyCalledException(String message) {
        super(message);
    }
}
