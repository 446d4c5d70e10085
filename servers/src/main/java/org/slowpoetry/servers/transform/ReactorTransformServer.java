package org.slowpoetry.servers.transform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.slowpoetry.reactor.CannotListenException;
import org.slowpoetry.reactor.ListeningPort;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.reactor.ReactorThread;
import org.slowpoetry.reactor.SelectorKind;
import org.slowpoetry.transform.Transformer;

/**
 * {@code serve transform --impl reactor}: Part 12's server as Twisted writes it. One reactor thread
 * listens on each port with a {@link TransformFactory} of that port's {@link Wire}; both factories
 * share the config's one {@link Transformer} (Figure 27's two protocols, one service).
 *
 * <p><b>Threading:</b> {@link #start} may be called from any thread; everything else of the server
 * runs on its reactor thread. The public methods are thread-safe; {@link #close()} throws
 * {@link WrongThreadException} on the reactor thread.
 */
final class ReactorTransformServer implements TransformServer {
    private final Transformer service;
    private final InetSocketAddress address;
    private final Optional<InetSocketAddress> lineAddress;
    private final ReactorThread thread;

    private ReactorTransformServer(Transformer service, InetSocketAddress address,
            Optional<InetSocketAddress> lineAddress, ReactorThread thread) {
        this.service = service;
        this.address = address;
        this.lineAddress = lineAddress;
        this.thread = thread;
    }

    /** Opens a reactor on the config's clock, listens on both ports, starts the reactor thread. */
    static TransformServer start(TransformServerConfig config) throws IOException {
        return start(config, Reactor.open(SelectorKind.EPOLL, config.clock()));
    }

    /**
     * Listens on both ports of {@code reactor}, which has not run yet, and starts its thread: for a
     * server whose service does its own I/O on the same loop (the transformation proxy). The server
     * owns the reactor from here on: it is closed if starting fails, and by {@link #close()}.
     */
    static TransformServer start(TransformServerConfig config, Reactor reactor) throws IOException {
        try {
            InetSocketAddress address = listen(reactor, config, config.port(), Wire.NETSTRING);
            Optional<InetSocketAddress> lineAddress = Optional.empty();
            if (config.linePort().isPresent()) {
                lineAddress = Optional.of(listen(reactor, config, config.linePort().getAsInt(), Wire.LINE));
            }
            var thread = ReactorThread.start(reactor, "transform-reactor-" + address.getPort());
            return new ReactorTransformServer(config.service(), address, lineAddress, thread);
        } catch (IOException | RuntimeException e) {
            reactor.close();
            throw e;
        }
    }

    private static InetSocketAddress listen(Reactor reactor, TransformServerConfig config, int port, Wire wire)
            throws IOException {
        try {
            ListeningPort listening = reactor.listenTCP(port, new TransformFactory(reactor, config, wire),
                    config.iface());
            return listening.address();
        } catch (CannotListenException e) {
            // Reported as every impl reports it: the JDK's own BindException (see TransformImpl#start).
            throw e.getCause() instanceof IOException cause ? cause : e;
        }
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public Optional<InetSocketAddress> lineAddress() {
        return lineAddress;
    }

    @Override
    public Transformer service() {
        return service;
    }

    @Override
    public void awaitTermination() throws InterruptedException {
        thread.join();
    }

    @Override
    public void close() {
        thread.close();
    }

    @Override
    public String toString() {
        return "reactor transform server on " + address + lineAddress.map(a -> " and " + a).orElse("");
    }
}
