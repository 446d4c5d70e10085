package org.slowpoetry.clients.demo;

import java.util.List;
import java.util.Objects;
import org.slowpoetry.clients.TaskOutcome;

/**
 * One client style's run in the demo: what its timeline recorded, what it returned, and the
 * threads it took.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param style     the style's name
 * @param title     the first line of its timeline
 * @param recording its timeline, stopped
 * @param outcomes  what {@code fetch} returned
 * @param threads   what it cost in threads
 */
record StyleRun(String style, String title, Recording recording, List<TaskOutcome> outcomes, ThreadUse threads) {
    StyleRun {
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(threads, "threads");
        outcomes = List.copyOf(outcomes);
    }

    long poems() {
        return outcomes.stream().filter(o -> o instanceof TaskOutcome.Fetched).count();
    }

    boolean anyFailed() {
        return poems() < outcomes.size();
    }
}
