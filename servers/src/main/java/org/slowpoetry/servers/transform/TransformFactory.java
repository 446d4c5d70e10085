package org.slowpoetry.servers.transform;

import java.net.SocketAddress;
import org.slowpoetry.reactor.Protocol;
import org.slowpoetry.reactor.ProtocolFactory;
import org.slowpoetry.reactor.Reactor;

/**
 * Part 12's {@code TransformFactory}: makes a {@link TransformProtocol} per connection on one port
 * and holds what they share: the reactor, the service and the limits. The factories of the two
 * ports differ only in their {@link Wire}, as the text says they would ("they might differ only in
 * their protocol class attribute"), and share one service.
 *
 * <p><b>Threading:</b> reactor thread only, like every factory; it has no mutable state.
 */
public final class TransformFactory implements ProtocolFactory {
    private final Reactor reactor;
    private final TransformServerConfig config;
    private final Wire wire;

    public TransformFactory(Reactor reactor, TransformServerConfig config, Wire wire) {
        this.reactor = reactor;
        this.config = config;
        this.wire = wire;
    }

    @Override
    public Protocol buildProtocol(SocketAddress peer) {
        return new TransformProtocol(this, new TransformExchange(wire, config.maxRequest(), peer));
    }

    Reactor reactor() {
        return reactor;
    }

    TransformServerConfig config() {
        return config;
    }
}
