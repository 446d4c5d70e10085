package org.slowpoetry.defer;

import java.io.Serial;
import java.util.Objects;

/**
 * The failure of a {@link DeferredList} or {@link DeferredDict} built with
 * {@link DeferredList.Option#FIRE_ON_ONE_ERRBACK} (and so of {@link Deferred#gatherResults}): the
 * first member to fail, and where it sits. Twisted's {@code FirstError}.
 *
 * <p><b>Threading:</b> immutable.
 */
public final class FirstErrorException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient Failure subFailure;
    private final int index;
    private final transient Object key;

    FirstErrorException(Failure subFailure, int index, Object key) {
        super("FirstError[#" + index + ", " + Objects.requireNonNull(subFailure, "subFailure") + "]",
                subFailure.value());
        this.subFailure = subFailure;
        this.index = index;
        this.key = key;
    }

    /** The failure of the member that failed first. */
    public Failure subFailure() {
        return subFailure;
    }

    /** Its position among the members (for a DeferredDict, in the map's iteration order). */
    public int index() {
        return index;
    }

    /** Its key: the {@link #index()} for a DeferredList, the map key for a DeferredDict. */
    public Object key() {
        return key;
    }
}
