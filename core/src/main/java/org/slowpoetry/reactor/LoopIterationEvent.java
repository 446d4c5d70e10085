package org.slowpoetry.reactor;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Threshold;

/**
 * A JFR event: one iteration of a {@link Reactor}'s loop, from the end of its select's wait (the
 * first ready channel it dispatches) to the end of the work that select woke (I/O events, calls
 * from other threads, due timers). Off unless a
 * recording enables it ({@code serve --stats} does, with a threshold), so the loop pays only an
 * enabled check per iteration when no one is looking.
 *
 * <p><b>Threading:</b> made, begun and committed by the loop thread, as JFR events are.
 */
@Name(LoopIterationEvent.NAME)
@Label("Reactor loop iteration")
@Category("slowpoetry")
@Description("The work of one reactor loop iteration after its select returned.")
@Enabled(false)
@Threshold("1 ms")
@StackTrace(false)
public final class LoopIterationEvent extends Event {
    /** The event's name in recordings. */
    public static final String NAME = "org.slowpoetry.LoopIteration";
}
