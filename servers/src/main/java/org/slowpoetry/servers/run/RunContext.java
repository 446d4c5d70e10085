package org.slowpoetry.servers.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.service.ServiceContext;
import org.slowpoetry.time.MonotonicClock;

/**
 * The runner's {@link ServiceContext}: the reactor is opened on the first call of
 * {@link #reactor()}, by whichever plugin or application file builds reactor services; an
 * application of Loom services never opens one. The runner owns it: it runs it if the top
 * service is a reactor service, and closes it in {@link #close()}.
 *
 * <p><b>Threading:</b> the runner's main thread only: the reactor is opened there, so the main
 * thread owns it and may run it.
 */
final class RunContext implements ServiceContext, AutoCloseable {
    private final MonotonicClock clock;
    /** Opened by the first {@link #reactor()}; main thread only. */
    private Reactor reactor;

    RunContext(MonotonicClock clock) {
        this.clock = clock;
    }

    @Override
    public Reactor reactor() {
        if (reactor == null) {
            try {
                reactor = Reactor.open();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open a reactor: " + e.getMessage(), e);
            }
        }
        return reactor;
    }

    /** The reactor, if a service asked for one. */
    Optional<Reactor> openedReactor() {
        return Optional.ofNullable(reactor);
    }

    @Override
    public MonotonicClock clock() {
        return clock;
    }

    /** Closes the reactor, if one was opened (one that ran has closed itself already). */
    @Override
    public void close() {
        if (reactor != null) {
            reactor.close();
        }
    }
}
