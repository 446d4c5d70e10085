package org.slowpoetry.loom;

import java.io.Serial;

/**
 * Why a {@link Supervisor} failed: a child had to be restarted more often than its
 * {@link RestartIntensity} allows. The supervisor ends with {@link ExitReason.Failed} carrying this
 * exception, whose message names the supervisor, the child, the child's last exit reason and the
 * limit; its cause is the child's own failure, if it failed.
 *
 * <p><b>Threading:</b> immutable; safe to throw and read on any thread.
 */
public final class RestartIntensityExceededException extends IllegalStateException {
    @Serial
    private static final long serialVersionUID = 1L;

    public RestartIntensityExceededException(String message, Throwable cause) {
        super(message, cause);
    }
}
