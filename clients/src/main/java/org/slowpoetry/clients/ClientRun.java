package org.slowpoetry.clients;

import java.io.PrintStream;
import java.util.Objects;
import org.slowpoetry.time.MonotonicClock;

/**
 * What a {@link ClientStyle} gets for one fetch: where to print, which clock to time with, the
 * options, and who listens to task events.
 *
 * <p><b>Threading:</b> immutable; {@link PrintStream} is thread-safe, listeners must be.
 */
public record ClientRun(PrintStream out, MonotonicClock clock, GetOptions options, TaskListener listener) {
    public ClientRun {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listener, "listener");
    }

    /** Printing to {@code out} with the system clock, default options and no listener. */
    public static ClientRun printingTo(PrintStream out) {
        return new ClientRun(out, MonotonicClock.system(), GetOptions.defaults(), TaskListener.none());
    }

    public ClientRun withOptions(GetOptions o) {
        return new ClientRun(out, clock, o, listener);
    }

    public ClientRun withListener(TaskListener l) {
        return new ClientRun(out, clock, options, l);
    }
}
