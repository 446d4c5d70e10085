package org.slowpoetry.service;

import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.time.MonotonicClock;

/**
 * What a program running services gives the code that builds them (a plugin, an application
 * file): the reactor, if the services want one, and the clock. The runner owns both: it runs the
 * reactor once the application's top service is a {@link ReactorService}, and closes it when the
 * program ends.
 *
 * <p><b>Threading:</b> {@link #reactor()} is called while building the application, on the
 * runner's thread, before anything starts.
 */
public interface ServiceContext {

    /**
     * The one reactor of the program, opened on the first call; reactor services are built on it.
     *
     * @throws java.io.UncheckedIOException if no selector can be opened
     */
    Reactor reactor();

    /** The clock services should wait on. */
    MonotonicClock clock();
}
