package org.slowpoetry.defer;

import java.util.List;

/**
 * The result of a {@link DeferredList#fireOnOneCallback} list: Twisted's
 * {@code fireOnOneCallback=True}, which fires with {@code (result, index)} as soon as one member
 * succeeds, or, when every member has failed without that happening, with the usual list of
 * outcomes. Twisted returns either shape from the same call; here a sealed type makes the caller
 * handle both.
 *
 * {@snippet :
 * switch (result) {
 *     case FirstOrAll.First<String>(var poem, var index) -> System.out.println(index + ": " + poem);
 *     case FirstOrAll.All<String>(var outcomes) -> System.err.println("all failed: " + outcomes);
 * }
 * }
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param <T> the members' result type
 */
public sealed interface FirstOrAll<T> {

    /** The first member to succeed: its result and its position in the list. */
    record First<T>(T value, int index) implements FirstOrAll<T> {
    }

    /** No member succeeded: every outcome, in the order given. */
    record All<T>(List<Outcome<T>> outcomes) implements FirstOrAll<T> {
        public All {
            outcomes = List.copyOf(outcomes);
        }
    }
}
