package org.slowpoetry.defer;

import java.io.Serial;
import java.util.Objects;

/**
 * An unchecked carrier for a {@link Failure}, thrown where Java needs an exception but the
 * Failure itself must travel on unchanged: by {@link Failure#trap} when nothing matches (the
 * Java spelling of an errback re-raising), and by helpers that must not declare checked
 * exceptions. A callback that throws one hands the chain the very Failure it carries, so the
 * original exception and its stack trace are kept; {@link Failure#of(Throwable)} unwraps it.
 *
 * <p><b>Threading:</b> immutable.
 */
public final class FailureException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Carried, not serialized: a Failure is a live, in-process value. */
    private final transient Failure failure;

    public FailureException(Failure failure) {
        super(Objects.requireNonNull(failure, "failure").type().getName() + ": "
                + failure.getErrorMessage(), failure.value());
        this.failure = failure;
    }

    /** The Failure this exception carries. */
    public Failure failure() {
        return failure;
    }
}
