package org.slowpoetry.reactor;

import java.util.Arrays;
import java.util.Locale;

/**
 * How the loops of a {@link ReactorGroup} share one listening port.
 *
 * <p>The default is {@link #HANDOFF}. In {@code bench load} on the 2-core machine the two tie on
 * time (three interleaved runs, every cell's ranges overlapping but one where the hand-off was
 * ahead) and on CPU; the hand-off's {@code callFromThread} wakeups are some 10% of the reactor's
 * Java samples, but its Java samples are a small part of its time (the kernel's TCP work is most).
 * With the times level, the hand-off wins on behaviour: one socket, so no other process can share
 * the port, no connection waits in the queue of a busy loop while another loop idles, and it works
 * the same on every OS ({@code SO_REUSEPORT} spreads connections on Linux only). The system
 * property {@value #PROPERTY} ({@code -Dslowpoetry.reactor.accept=reuseport}) picks the other.
 *
 * <p><b>Threading:</b> an enum: immutable, safe from any thread.
 */
public enum AcceptModel {
    /**
     * Netty's: the first loop accepts, and hands each connection, round-robin over every loop (itself
     * included), to the loop that will serve it; a burst accepted in one readiness event reaches each
     * other loop as one task (one wakeup), not one per connection.
     */
    HANDOFF,
    /**
     * A listening socket per loop on the same port, with {@code SO_REUSEPORT}: the kernel spreads
     * connections over them by a hash of the client's address and port. No hand-off, but a loop
     * that is busy leaves its own accept queue waiting while another's is empty, and another
     * process of the same user may also bind the port with {@code SO_REUSEPORT} and take a share
     * (a port found taken before binding is refused, but not one taken in between). Linux spreads
     * the connections; other systems may give them all to one socket, or lack the option.
     */
    REUSEPORT;

    /** The system property that picks the model: {@code handoff} or {@code reuseport}. */
    public static final String PROPERTY = "slowpoetry.reactor.accept";

    /**
     * The model the system property {@value #PROPERTY} names, or {@link #HANDOFF} when it is not set.
     *
     * @throws IllegalArgumentException if the property names no model
     */
    public static AcceptModel configured() {
        String name = System.getProperty(PROPERTY);
        return name == null ? HANDOFF : fromName(name);
    }

    /**
     * The model called {@code name} ({@code handoff} or {@code reuseport}, any case).
     *
     * @throws IllegalArgumentException naming the choices, for any other name
     */
    public static AcceptModel fromName(String name) {
        for (AcceptModel model : values()) {
            if (model.name().equalsIgnoreCase(name.strip())) {
                return model;
            }
        }
        throw new IllegalArgumentException("accept model '" + name + "' is not one of "
                + Arrays.stream(values()).map(m -> m.name().toLowerCase(Locale.ROOT)).toList());
    }
}
