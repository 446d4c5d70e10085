package org.slowpoetry.defer;

import java.io.Serial;
import java.util.concurrent.CancellationException;

/**
 * The failure a {@link Deferred} fires with when it is {@linkplain Deferred#cancel() cancelled}
 * before it has a result and its canceller (if any) did not fire it: Twisted's
 * {@code CancelledError}.
 *
 * <p>It extends {@link CancellationException} so that the outcome keeps its meaning across the
 * {@link Deferred#toCompletableFuture bridge}: a {@code CompletableFuture} completed with it
 * reports {@code isCancelled()}.
 *
 * <p><b>Threading:</b> immutable.
 */
public final class CancelledException extends CancellationException {
    @Serial
    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("Deferred was cancelled");
    }

    public CancelledException(String message) {
        super(message);
    }
}
