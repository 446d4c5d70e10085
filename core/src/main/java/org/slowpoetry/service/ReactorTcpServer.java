package org.slowpoetry.service;

import java.net.InetSocketAddress;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.reactor.ListeningPort;
import org.slowpoetry.reactor.ProtocolFactory;
import org.slowpoetry.reactor.Reactor;

/**
 * A reactor service that listens on a TCP port while it runs: Twisted's {@code internet.TCPServer}
 * (Part 16). Starting it listens ({@link Reactor#listenTCP}) and stopping it stops listening: the
 * stop's Deferred fires once the port is closed, so a connect after it is refused. Connections
 * already accepted go on until they end or the reactor closes them. Starting logs
 * {@code NAME listening on HOST:PORT}, stopping {@code NAME stopped listening on HOST:PORT} (at
 * info; the address is the bound one), as {@link LoomTcpServer} does.
 *
 * {@snippet :
 * var tcp = new ReactorTcpServer("tcp-10000", reactor, "localhost", 10000, new PoetryFactory(poetry));
 * top.add(tcp);
 * }
 *
 * <p><b>Threading:</b> as {@link ReactorService}: start and stop on the reactor's thread.
 * {@link #address()} is safe from any thread once the service is running.
 */
public final class ReactorTcpServer extends ReactorService {
    private static final Logger LOG = LoggerFactory.getLogger(ReactorTcpServer.class);

    private final Reactor reactor;
    private final String iface;
    private final int port;
    private final ProtocolFactory factory;
    /** Written by the start step (loop thread), read by any thread after RUNNING is seen. */
    private volatile ListeningPort listening;

    /**
     * @param iface the interface to listen on, a name or a literal address
     * @param port  the port, 0 for any free one
     * @throws IllegalArgumentException if the port is out of range
     */
    public ReactorTcpServer(String name, Reactor reactor, String iface, int port, ProtocolFactory factory) {
        super(name, reactor);
        this.reactor = reactor;
        this.iface = Objects.requireNonNull(iface, "iface");
        this.port = TcpServices.checkPort(port);
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /**
     * The bound address: the real port when 0 was asked for.
     *
     * @throws IllegalStateException before the service has started
     */
    public InetSocketAddress address() {
        ListeningPort p = listening;
        if (p == null) {
            throw TcpServices.notListening(this);
        }
        return p.address();
    }

    @Override
    protected void onStart() throws Exception {
        listening = reactor.listenTCP(port, factory, iface);
        LOG.info(TcpServices.listening(name(), listening.address()));
    }

    @Override
    protected Deferred<Void> onStop() {
        return listening.stopListening().thenApply(released -> {
            LOG.info(TcpServices.stoppedListening(name(), listening.address()));
            return null;
        });
    }
}
