package org.slowpoetry.trial;

import java.util.List;

/**
 * A test left its reactor dirty: timers pending, ports listening, connections open, descriptors
 * registered. trial's {@code DirtyReactorAggregateError}, raised by {@link ReactorExtension} after
 * the test's {@code @AfterEach} methods, with one line per thing left behind. By the time it is
 * thrown the extension has cleaned them all up (it stopped the reactor), so the next test starts
 * clean.
 *
 * <p><b>Threading:</b> immutable.
 */
public final class DirtyReactorError extends AssertionError {
    private final List<String> leftovers;

    DirtyReactorError(String test, List<String> leftovers) {
        super(Findings.lines("the reactor is unclean after " + test + " (each has been cleaned up):", leftovers));
        this.leftovers = List.copyOf(leftovers);
    }

    /**
     * What was left, one readable line each: {@code pending call due in 29.99 s: DelayedCall[...]},
     * {@code listening port 127.0.0.1:41234}, {@code open connection to 127.0.0.1:10000 (from
     * 127.0.0.1:51234)}, {@code connect in progress to 127.0.0.1:10000}, {@code reader ...}.
     */
    public List<String> leftovers() {
        return leftovers;
    }
}
