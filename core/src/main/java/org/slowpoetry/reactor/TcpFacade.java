package org.slowpoetry.reactor;

import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import org.slowpoetry.net.AcceptWarnings;

/**
 * A {@link Reactor}'s TCP, behind its {@code listenTCP} and {@code connectTCP} (Twisted's
 * {@code IReactorTCP}, Parts 5 and 11): the checks of their arguments, the start of a
 * {@link TcpPort} or a {@link TcpConnector}, and the count of ports and connectors that use each
 * factory, which starts and stops it (Twisted's {@code Factory.doStart} and {@code doStop}).
 *
 * <p><b>Threading:</b> loop thread only (the reactor's {@link Reactor#inEventLoop()}): the
 * listen and connect methods check it and throw {@link WrongThreadException} elsewhere; the factory
 * counting assumes it.
 */
final class TcpFacade {
    private final Reactor reactor;
    /** How many ports and connectors use each factory (Twisted's numPorts); loop thread only. */
    private final Map<ProtocolFactory, Integer> factoryUses = new IdentityHashMap<>();

    TcpFacade(Reactor reactor) {
        this.reactor = reactor;
    }

    /** {@link Reactor#listenTCP(int, ProtocolFactory, String, int)}. */
    ListeningPort listen(int port, ProtocolFactory factory, String iface, int backlog) throws CannotListenException {
        return listen(port, factory, iface, backlog, false, null, null);
    }

    /**
     * {@link Reactor#listenTCP(int, ProtocolFactory, String, int)} for a loop of a
     * {@link ReactorGroup}: with {@code SO_REUSEPORT} if {@code reusePort}, and accepted connections
     * going to {@code dispatch} (null: served here), and its accept warnings rate-limited with the
     * other loops' by {@code warnings} (null: its own).
     */
    TcpPort listen(int port, ProtocolFactory factory, String iface, int backlog, boolean reusePort,
            AcceptDispatch dispatch, AcceptWarnings warnings) throws CannotListenException {
        reactor.checkInLoop("listenTCP");
        reactor.requireAlive("listenTCP");
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(iface, "iface");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range 0–65535: " + port);
        }
        if (backlog < 1) {
            throw new IllegalArgumentException("backlog must be positive: " + backlog);
        }
        var bindTo = iface.isBlank() ? new InetSocketAddress(port) : new InetSocketAddress(iface, port);
        if (bindTo.isUnresolved()) {
            throw new CannotListenException("cannot listen on " + iface + ":" + port + ": unknown interface",
                    new UnknownHostException(iface));
        }
        return TcpPort.listen(reactor, bindTo, factory, backlog, reusePort, dispatch, warnings);
    }

    /** {@link Reactor#connectTCP(String, int, ClientFactory, Duration)}. */
    Connector connect(String host, int port, ClientFactory factory, Duration timeout) {
        reactor.checkInLoop("connectTCP");
        reactor.requireAlive("connectTCP");
        Objects.requireNonNull(factory, "factory");
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("blank host");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port out of range 1–65535: " + port);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("connect timeout must be positive: " + timeout);
        }
        var connector = new TcpConnector(reactor, host, port, factory, timeout);
        connector.connect();
        return connector;
    }

    /** Twisted's Factory.doStart: the first port or connector to use a factory starts it. */
    void startFactory(ProtocolFactory factory) {
        assert reactor.inEventLoop();
        if (!factoryUses.containsKey(factory)) {
            factory.startFactory(); // counted only once it has started: a throw leaves no use behind
        }
        factoryUses.merge(factory, 1, Integer::sum);
    }

    /** Twisted's Factory.doStop: the last port or connector to stop using a factory stops it. */
    void stopFactory(ProtocolFactory factory) {
        assert reactor.inEventLoop();
        Integer uses = factoryUses.get(factory);
        if (uses == null) {
            return;
        }
        if (uses == 1) {
            factoryUses.remove(factory);
            reactor.runSafely(factory::stopFactory);
        } else {
            factoryUses.put(factory, uses - 1);
        }
    }
}
