package org.slowpoetry.servers.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM and SIGINT as requests to stop, handed to the runner: {@code kill $(cat slowpoetry.pid)}
 * and Ctrl-C end a {@code slowpoetry run} the way twistd's end: the services stop in reverse order,
 * the pid file goes, and the process exits 0.
 *
 * {@snippet :
 * StopSignals signals = StopSignals.install(name -> stopRequested.complete(name));
 * try {
 *     // ... serve until stopRequested completes with "TERM" or "INT" ...
 * } finally {
 *     signals.close();   // the JVM's own handlers are back
 * }
 * }
 *
 * <p><b>Why {@code sun.misc.Signal}.</b> Without a handler of our own, SIGTERM and SIGINT make the
 * JVM run its shutdown hooks and halt with status 143 or 130: a shutdown hook can tidy up, but it
 * cannot choose the exit status, and it runs while the main thread is still going. A handler
 * replaces the JVM's: the signal becomes a message, the main thread stops the services in order,
 * and the command returns normally with its own exit status. {@code sun.misc.Signal} (module
 * {@code jdk.unsupported}, exported for this very use) is the JDK's only API for it; javac warns at
 * each use of it (a warning no annotation silences), which is why it is used here and nowhere else.
 *
 * <p>A signal that the process started with ignored (SIGINT in a background job of a shell) stays
 * ignored: the JVM does not let a handler replace that.
 *
 * <p><b>Threading:</b> {@link #install} and {@link #close()} on the runner's thread. The JVM calls
 * {@code onSignal} on a thread of its own, once per signal received; it must return quickly (hand
 * the request over, never stop services itself).
 */
final class StopSignals implements AutoCloseable {
    /** The signals that ask for a stop, by their names without {@code SIG}. */
    static final List<String> NAMES = List.of("TERM", "INT");

    /** The handlers ours replaced, put back by {@link #close()}; runner's thread only. */
    private final Map<Signal, SignalHandler> previous;

    private StopSignals(Map<Signal, SignalHandler> previous) {
        this.previous = previous;
    }

    /**
     * Handles SIGTERM and SIGINT until {@link #close()}: each calls {@code onSignal} with the signal's
     * name ({@code TERM}, {@code INT}).
     */
    static StopSignals install(Consumer<String> onSignal) {
        Objects.requireNonNull(onSignal, "onSignal");
        Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
        var installed = new StopSignals(previous);
        try {
            for (String name : NAMES) {
                Signal signal = new Signal(name);
                previous.put(signal, Signal.handle(signal, s -> onSignal.accept(s.getName())));
            }
        } catch (RuntimeException e) {
            installed.close(); // the ones already installed are put back: all or none
            throw e;
        }
        return installed;
    }

    /** Puts back the handlers there were before (the JVM's, which end the process). */
    @Override
    public void close() {
        previous.forEach(Signal::handle);
    }
}
