package org.slowpoetry.servers.reactor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.slowpoetry.reactor.AcceptModel;
import org.slowpoetry.reactor.CannotListenException;
import org.slowpoetry.reactor.ReactorGroup;
import org.slowpoetry.reactor.SelectorKind;
import org.slowpoetry.reactor.SelectorUnavailableException;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.servers.ServerConfig;
import org.slowpoetry.servers.ServerImpl;
import org.slowpoetry.servers.ServerKind;

/**
 * {@code serve slow|fast --impl reactor}: the poetry servers on {@link org.slowpoetry.reactor.Reactor} threads, as
 * Twisted writes them (Part 11's {@code fastpoetry.py}, and its exercise 3 for the slow one). Every
 * connection is a {@link org.slowpoetry.reactor.Protocol} made by a {@link PoetryFactory}; the slow server paces its sends
 * with {@code callLater} instead of sleeping, so one thread serves thousands of clients at once.
 *
 * <p>With {@code --loops N} above 1, a {@link ReactorGroup} of N such loops serves the port, each
 * with its own factory, all counting against one {@code --max-connections}; how they share the port
 * is {@link AcceptModel#configured()}. {@code --loops 1} is the text's server, unchanged.
 *
 * <p><b>Threading:</b> {@link #start} may be called from any thread; each server runs on its own
 * reactor threads (see {@link ReactorPoetryServer}).
 */
public final class ReactorServerImpl implements ServerImpl {

    @Override
    public String name() {
        return "reactor";
    }

    @Override
    public String description() {
        return "event-loop threads (Selector, epoll or poll; --loops, 1 = the text's one) with Twisted-style protocols (Part 11)";
    }

    @Override
    public Set<ServerKind> kinds() {
        return Set.of(ServerKind.SLOW, ServerKind.FAST);
    }

    /**
     * Opens {@code config.loops()} reactors on {@code config.selector()} and {@code config.clock()},
     * binds, and starts the reactor threads; returns once listening.
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
        ReactorGroup group = ReactorGroup.open(config.loops(), selector, config.clock());
        InetSocketAddress address;
        try {
            var open = new AtomicInteger(); // one count for every loop's factory: --max-connections is the server's
            address = group.listenTCP(config.port(), reactor -> new PoetryFactory(reactor, config, open),
                    config.iface(), AcceptModel.configured());
        } catch (CannotListenException e) {
            group.close();
            // Every impl reports a busy port the same way (ServerImpl#start): as the JDK's own
            // BindException, which the serve command turns into its one-line error.
            throw e.getCause() instanceof IOException cause ? cause : e;
        } catch (IOException | RuntimeException e) {
            group.close();
            throw e;
        }
        config.events().listening(config.poem(), address);
        group.start("poetry-reactor-" + address.getPort()); // one loop: the thread is named as the text's one reactor
        return new ReactorPoetryServer(address, group);
    }
}
