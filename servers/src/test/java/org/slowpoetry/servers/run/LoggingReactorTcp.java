package org.slowpoetry.servers.run;

import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.reactor.CannotListenException;
import org.slowpoetry.reactor.ListeningPort;
import org.slowpoetry.reactor.Protocol;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.service.ReactorService;

/**
 * A reactor TCP service for the runner's tests (the test plugin, the test application files) that
 * logs its port: {@code NAME listening on
 * HOST:PORT} when started, {@code NAME stopped listening on HOST:PORT} when stopped. Each
 * connection is sent the poem and closed.
 *
 * <p><b>Threading:</b> the reactor's thread only, as every reactor service.
 */
public final class LoggingReactorTcp extends ReactorService {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingReactorTcp.class);

    private final Reactor reactor;
    private final String iface;
    private final int port;
    private final PoemHolder poem;
    /** Loop thread only. */
    private ListeningPort listening;

    public LoggingReactorTcp(String name, Reactor reactor, String iface, int port, PoemHolder poem) {
        super(name, reactor);
        this.reactor = reactor;
        this.iface = iface;
        this.port = port;
        this.poem = poem;
    }

    @Override
    protected void onStart() throws CannotListenException {
        listening = reactor.listenTCP(port, peer -> new PoemProtocol(poem.poem()), iface);
        LOG.info("{} listening on {}", name(), hostPort(listening.address()));
    }

    @Override
    protected Deferred<Void> onStop() {
        String address = hostPort(listening.address());
        listening.stopListening();
        LOG.info("{} stopped listening on {}", name(), address);
        return Deferred.succeed(null);
    }

    static String hostPort(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    /** Sends the poem and closes: the text's fast poetry protocol. */
    private static final class PoemProtocol extends Protocol {
        private final byte[] poem;

        PoemProtocol(byte[] poem) {
            this.poem = poem;
        }

        @Override
        protected void connectionMade() {
            LOG.info("sending {} bytes of poetry to {}", poem.length, transport().getPeer());
            transport().write(poem);
            transport().loseConnection();
        }
    }
}
