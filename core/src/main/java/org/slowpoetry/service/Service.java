package org.slowpoetry.service;

/**
 * A named part of a running program that can be started and stopped: Twisted's {@code IService}
 * (Part 16). A service does one thing (loads a poem, listens on a port, holds a cache) and knows
 * nothing of the process around it; services are grouped into trees ({@link LoomMultiService},
 * {@link ReactorMultiService}) under an {@link Application}, which {@code slowpoetry run} starts,
 * and stops in reverse order on SIGTERM.
 *
 * <p>There are two kinds, one per style, because the two styles wait differently for a stop to
 * finish:
 * <ul>
 * <li>a {@link LoomService} starts and stops with plain blocking calls, on any thread but its own;
 * <li>a {@link ReactorService} starts on its event loop and stops with a {@code Deferred} that fires
 *     on the loop once it has stopped; nothing in it blocks the loop.
 * </ul>
 * A step that does not care which style runs it (load a file, fill a cache) is written once as a
 * {@link Lifecycle} and wrapped with {@link LoomService#of} or {@link ReactorService#of}. A
 * program handles both kinds with a pattern-matching {@code switch}:
 *
 * {@snippet :
 * switch (application.top()) {
 *     case LoomService s    -> runBlocking(s);   // start(); wait for a signal; stop()
 *     case ReactorService s -> runOnLoop(s);     // callWhenRunning(s::start); ... s.stop().addBoth(...)
 * }
 * }
 *
 * <p><b>Threading:</b> {@link #name()} and {@link #state()} are safe from any thread; the state is
 * read from a volatile, so a thread that sees {@code RUNNING} also sees everything the start step
 * wrote. The kinds say where their steps run.
 */
public sealed interface Service permits LoomService, ReactorService {

    /** The service's name, unique among its siblings; for lookups ({@code service(name)}) and log lines. */
    String name();

    /** Where it is in its life. */
    ServiceState state();
}
