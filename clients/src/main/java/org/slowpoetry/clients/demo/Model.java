package org.slowpoetry.clients.demo;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The three models of Part 1, each with the figure the text draws it in, and the Loom row the demo
 * draws beside them; each names the client styles whose timelines show it. The demo prints a
 * style's model above its timeline, so that a default run reads as Figures 1, 2 and 3, then Loom.
 * A style shown in no model (a transforming client, say) is drawn without one.
 *
 * <p><b>Threading:</b> immutable.
 */
enum Model {
    /** Figure 1: one task after another, on one thread. */
    SYNCHRONOUS("Figure 1, the synchronous model: one task after another, one thread", "blocking"),
    /** Figure 2: a thread per task, scheduled by the operating system. */
    THREADED("Figure 2, the threaded model: a thread per task, the OS takes turns", "threaded"),
    /** Figure 3: the tasks interleaved on one thread, each giving way where it would block. */
    ASYNCHRONOUS("Figure 3, the asynchronous model: tasks interleaved on one thread", "select", "reactor"),
    /** Figure 2's code, run as Figure 3: a virtual thread per task, a few carriers for all of them. */
    LOOM("Loom: Figure 2's code run as Figure 3, virtual threads on a few carriers",
            "loom", "erlang", "haskell", "haskell-lazy");

    private final String heading;
    private final List<String> styles;

    Model(String heading, String... styles) {
        this.heading = heading;
        this.styles = List.of(styles);
    }

    /** The line printed above the timeline of a style with this model. */
    String heading() {
        return heading;
    }

    /** The model the timeline of {@code style} shows, if it shows one of them. */
    static Optional<Model> of(String style) {
        return Arrays.stream(values()).filter(m -> m.styles.contains(style)).findFirst();
    }
}
