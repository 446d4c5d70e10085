package org.slowpoetry.clients;

import java.io.PrintStream;
import java.util.List;
import java.util.Objects;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.time.MonotonicClock;

/**
 * What a {@link ClientStyle} gets for one fetch: where to print (the program's stdout and stderr,
 * see {@link PoetryLines} for which line goes where), which clock to time with, the options, and
 * who listens to task events.
 *
 * <p><b>Threading:</b> immutable; {@link PrintStream} is thread-safe, listeners must be.
 *
 * @param out      the program's stdout: what the text's original program writes there
 * @param err      the program's stderr: the original's error lines, and our additions
 * @param clock    times the tasks
 * @param options  the parsed {@code get} options
 * @param listener hears every task event (through {@link PoemTask})
 */
public record ClientRun(PrintStream out, PrintStream err, MonotonicClock clock, GetOptions options,
        TaskListener listener) {
    public ClientRun {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listener, "listener");
    }

    /** Printing to {@code out} and {@code err} with the system clock, default options and no listener. */
    public static ClientRun printingTo(PrintStream out, PrintStream err) {
        return new ClientRun(out, err, MonotonicClock.system(), GetOptions.defaults(), TaskListener.none());
    }

    public ClientRun withOptions(GetOptions o) {
        return new ClientRun(out, err, clock, o, listener);
    }

    public ClientRun withListener(TaskListener l) {
        return new ClientRun(out, err, clock, options, l);
    }

    /** One task per address, numbered from 1, timed by this run's clock and heard by its listener. */
    public List<PoemTask> tasks(List<Address> addresses) {
        return PoemTask.forEach(addresses, this);
    }
}
