package org.slowpoetry.clients.tour.loom;

import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.StructuredTaskScope.Subtask;

/**
 * Prints joined subtasks the way the Part 18 originals print a DeferredList's result, each as
 * {@code (true, value)} or {@code (false, exception)}, in the order they were forked: a subtask's
 * {@link Subtask#state()} is the flag, its {@link Subtask#get()} or {@link Subtask#exception()}
 * the rest.
 *
 * <p><b>Threading:</b> stateless; call it on the scope's owner after {@code join}.
 */
final class BOutcomes {

    private BOutcomes() {
    }

    /**
     * @throws IllegalStateException for a subtask with no outcome (cancelled, or not joined)
     */
    static String format(List<? extends Subtask<?>> subtasks) {
        StringJoiner list = new StringJoiner(", ", "[", "]");
        for (Subtask<?> subtask : subtasks) {
            list.add(switch (subtask.state()) {
                case SUCCESS -> "(true, " + subtask.get() + ")";
                case FAILED -> "(false, " + subtask.exception() + ")";
                case UNAVAILABLE -> throw new IllegalStateException("a subtask without an outcome: " + subtask);
            });
        }
        return list.toString();
    }
}
