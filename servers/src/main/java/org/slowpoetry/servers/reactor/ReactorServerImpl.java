package org.slowpoetry.servers.reactor;

import java.io.IOException;
import java.util.Set;
import org.slowpoetry.reactor.CannotListenException;
import org.slowpoetry.reactor.ListeningPort;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.reactor.ReactorThread;
import org.slowpoetry.reactor.SelectorKind;
import org.slowpoetry.reactor.SelectorUnavailableException;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.servers.ServerConfig;
import org.slowpoetry.servers.ServerImpl;
import org.slowpoetry.servers.ServerKind;

/**
 * {@code serve slow|fast --impl reactor}: the poetry servers on one {@link Reactor} thread, as
 * Twisted writes them (Part 11's {@code fastpoetry.py}, and its exercise 3 for the slow one). Every
 * connection is a {@link org.slowpoetry.reactor.Protocol} made by a {@link PoetryFactory}; the slow server paces its sends
 * with {@code callLater} instead of sleeping, so one thread serves thousands of clients at once.
 *
 * <p><b>Threading:</b> {@link #start} may be called from any thread; each server runs on its own
 * reactor thread (see {@link ReactorPoetryServer}).
 */
public final class ReactorServerImpl implements ServerImpl {

    @Override
    public String name() {
        return "reactor";
    }

    @Override
    public String description() {
        return "one event-loop thread (Selector, epoll or poll) with Twisted-style protocols (Part 11)";
    }

    @Override
    public Set<ServerKind> kinds() {
        return Set.of(ServerKind.SLOW, ServerKind.FAST);
    }

    /**
     * Opens a reactor on {@code config.selector()} and {@code config.clock()}, binds, and starts the
     * reactor thread; returns once listening.
     *
     * @throws IOException if the address cannot be bound (the message names it)
     * @throws SelectorUnavailableException if the selector cannot be opened in this JVM (the message
     *                                      says what to do; the CLI prints it as a one-line error)
     */
    @Override
    public PoetryServer start(ServerConfig config) throws IOException {
        checkServes(config);
        // ServerConfig has checked the name, so fromName cannot fail here.
        SelectorKind selector = SelectorKind.fromName(config.selector());
        Reactor reactor = Reactor.open(selector, config.clock());
        ListeningPort port;
        try {
            port = reactor.listenTCP(config.port(), new PoetryFactory(reactor, config), config.iface());
        } catch (CannotListenException e) {
            reactor.close();
            // Every impl reports a busy port the same way (ServerImpl#start): as the JDK's own
            // BindException, which the serve command turns into its one-line error.
            throw e.getCause() instanceof IOException cause ? cause : e;
        } catch (IOException | RuntimeException e) {
            reactor.close();
            throw e;
        }
        config.events().listening(config.poem(), port.address());
        var thread = ReactorThread.start(reactor, "poetry-reactor-" + port.port());
        return new ReactorPoetryServer(port.address(), thread);
    }
}
