package org.slowpoetry.reactor;

/**
 * Where a {@link Reactor} is in its one life: {@code NEW → RUNNING → STOPPING → STOPPED}, or
 * {@code NEW → STOPPED} when it is closed without ever running. It never goes back.
 *
 * <p><b>Threading:</b> an immutable enum; {@link Reactor#state()} may be read from any thread.
 */
public enum ReactorState {
    /** Opened, not yet running: the opening thread configures it (listen, connect, schedule). */
    NEW,
    /** {@link Reactor#run()} is looping on the reactor thread. */
    RUNNING,
    /** {@link Reactor#stop()} was called: the loop is tearing everything down. */
    STOPPING,
    /** Everything is closed and {@link Reactor#run()} has returned (or was never called). */
    STOPPED
}
