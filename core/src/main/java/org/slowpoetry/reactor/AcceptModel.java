package org.slowpoetry.reactor;

import java.util.Arrays;
import java.util.Locale;

/**
 * How the loops of a {@link ReactorGroup} share one listening port.
 *
 * <p>The default is {@link #REUSEPORT} on Linux, whose kernel spreads the connections of a
 * {@code SO_REUSEPORT} group, and {@link #HANDOFF} elsewhere. In two full {@code bench load} runs
 * (bench/README.md) {@code SO_REUSEPORT} is level with the hand-off on time or ahead (fast N = 10,000: 11,210 against
 * 10,784 poems/s; slow C = 10,000: 1.74 against 1.99 s), and the hand-off holds a connection in
 * more memory outside the heap: 0.20–0.50 against 0.69–0.71 KiB per connection at 19,700 held (the
 * heap is the same, 1.10 KiB); its {@code callFromThread} and selector wakeup are some 10% of the
 * reactor's Java samples.
 * What the hand-off has for it is behaviour: one socket (another process of the same user cannot
 * share the port), and no connection waits behind a busy loop while another loop idles. The
 * system property {@value #PROPERTY} ({@code -Dslowpoetry.reactor.accept=handoff} or
 * {@code reuseport}) picks one.
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
     * (a port found taken before binding is refused, but not one taken in between).
     */
    REUSEPORT;

    /** The system property that picks the model: {@code handoff} or {@code reuseport}. */
    public static final String PROPERTY = "slowpoetry.reactor.accept";

    /**
     * The model the system property {@value #PROPERTY} names, or when it is not set
     * {@link #REUSEPORT} on Linux and {@link #HANDOFF} elsewhere (where {@code SO_REUSEPORT} does
     * not spread connections, or does not exist).
     *
     * @throws IllegalArgumentException if the property names no model
     */
    public static AcceptModel configured() {
        String name = System.getProperty(PROPERTY);
        if (name != null) {
            return fromName(name);
        }
        return System.getProperty("os.name", "").startsWith("Linux") ? REUSEPORT : HANDOFF;
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
