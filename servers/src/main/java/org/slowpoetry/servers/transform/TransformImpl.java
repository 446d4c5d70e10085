package org.slowpoetry.servers.transform;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a transform server is written, chosen with {@code serve transform --impl NAME}. Both speak
 * the same protocols with the same rules, and one contract test runs against both.
 *
 * {@snippet :
 * var service = TransformService.standard();
 * try (TransformServer server = TransformImpl.named("loom").start(TransformServerConfig.of(service))) {
 *     InetSocketAddress address = server.address();
 * }
 * }
 *
 * <p><b>Threading:</b> immutable; {@link #start} may be called from any thread, any number of
 * times, each call making an independent server.
 */
public enum TransformImpl {
    /** One reactor thread; a protocol per connection; Part 12's {@code TransformProtocol} and factory. */
    REACTOR("one event-loop thread, a Twisted-style protocol and factory per port (Part 12)"),
    /** A virtual thread per connection in a scope per port, running plain blocking code. */
    LOOM("a virtual thread per connection, owned by a structured task scope per port");

    private final String description;

    TransformImpl(String description) {
        this.description = description;
    }

    /** The {@code --impl} name: {@code reactor} or {@code loom}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** One line for {@code --help}. */
    public String description() {
        return description;
    }

    /**
     * The impl whose {@link #cliName()} is {@code name}.
     *
     * @throws IllegalArgumentException naming the choices, for any other name
     */
    public static TransformImpl named(String name) {
        for (TransformImpl impl : values()) {
            if (impl.cliName().equals(name)) {
                return impl;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not one of "
                + Arrays.stream(values()).map(TransformImpl::cliName).collect(Collectors.joining(", ")));
    }

    /**
     * Binds the netstring port (and the line port, if configured) and starts serving; returns once
     * listening. If binding fails, nothing is left open.
     *
     * @throws java.net.UnknownHostException if the interface does not resolve
     * @throws IOException if an address cannot be bound ({@link java.net.BindException} for a port
     *                     in use)
     */
    public TransformServer start(TransformServerConfig config) throws IOException {
        return switch (this) {
            case REACTOR -> ReactorTransformServer.start(config);
            case LOOM -> LoomTransformServer.start(config);
        };
    }
}
