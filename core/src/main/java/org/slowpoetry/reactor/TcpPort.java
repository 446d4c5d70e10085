package org.slowpoetry.reactor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectableChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.net.AcceptBackoff;
import org.slowpoetry.net.AcceptWarnings;

/**
 * A listening socket that accepts connections and gives each a protocol from its factory: the
 * {@link ListeningPort} of {@link Reactor#listenTCP} and the read descriptor of its server
 * channel (Part 11: "a readable listening socket means we can accept a new client socket").
 *
 * <p><b>Threading:</b> reactor thread only, except {@link #port()} and {@link #address()}.
 */
final class TcpPort implements ListeningPort, ReadDescriptor {
    private static final Logger LOG = LoggerFactory.getLogger(TcpPort.class);

    /** Connections accepted per readiness event before other channels get a turn (Twisted: 100). */
    private static final int MAX_ACCEPTS_PER_EVENT = 64;

    private enum State {
        LISTENING,
        /** accept() failed; accepting again after a pause. */
        BACKING_OFF,
        STOPPED
    }

    private final Reactor reactor;
    private final ServerSocketChannel channel;
    private final ProtocolFactory factory;
    /** Where accepted connections go: served on this loop, unless a {@link ReactorGroup} spreads them. */
    private final AcceptDispatch dispatch;
    /** Immutable once bound, so safe to read from any thread. */
    private final InetSocketAddress address;
    /** Reactor thread only. */
    private State state = State.LISTENING;
    /** The pauses after failed accepts and the warnings about them; reactor thread only. */
    private final AcceptBackoff backoff;

    private TcpPort(Reactor reactor, ServerSocketChannel channel, ProtocolFactory factory, InetSocketAddress address,
            AcceptDispatch dispatch, AcceptWarnings warnings) {
        this.reactor = reactor;
        this.channel = channel;
        this.factory = factory;
        this.dispatch = dispatch != null ? dispatch : new Adopter(reactor, factory)::adopt;
        this.address = address;
        this.backoff = warnings != null ? new AcceptBackoff(warnings) : new AcceptBackoff(reactor.clock());
    }

    /**
     * Binds, starts the factory, and starts accepting.
     *
     * @param reusePort set {@code SO_REUSEPORT} before binding, so that other loops may listen on the
     *                  same port ({@link AcceptModel#REUSEPORT})
     * @param dispatch  where accepted connections go; null: served on this loop with {@code factory}
     * @param warnings  the rate limit of the warnings about failed accepts, shared with the other
     *                  loops of a {@link ReactorGroup}; null: this port's own
     */
    static TcpPort listen(Reactor reactor, InetSocketAddress bindTo, ProtocolFactory factory, int backlog,
            boolean reusePort, AcceptDispatch dispatch, AcceptWarnings warnings) throws CannotListenException {
        ServerSocketChannel channel = null;
        InetSocketAddress bound;
        try {
            channel = reactor.registry().provider().openServerSocketChannel();
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            if (reusePort) {
                channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            }
            channel.bind(bindTo, backlog);
            channel.configureBlocking(false);
            bound = (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException | UnsupportedOperationException e) { // the latter: no SO_REUSEPORT on this OS
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new CannotListenException("cannot listen on " + describe(bindTo) + ": " + e.getMessage(), e);
        }
        var port = new TcpPort(reactor, channel, factory, bound, dispatch, warnings);
        try {
            reactor.tcp().startFactory(factory);
        } catch (RuntimeException | Error e) {
            try {
                channel.close(); // the factory could not start: nothing is left listening
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        reactor.registry().adopt(port);
        reactor.registry().interest(port, true, true);
        return port;
    }

    @Override
    public int port() {
        return address.getPort();
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public boolean listening() {
        reactor.checkInLoop("ListeningPort.listening");
        return state != State.STOPPED;
    }

    @Override
    public Deferred<Void> stopListening() {
        reactor.checkInLoop("ListeningPort.stopListening");
        if (state != State.STOPPED) {
            reactor.registry().disconnect(this, new ConnectionDone());
        }
        var released = new Deferred<Void>();
        reactor.callAfterNextSelect(() -> released.callback(null));
        return released;
    }

    @Override
    public SelectableChannel channel() {
        return channel;
    }

    @Override
    public Optional<ConnectionClosed> doRead() {
        for (int i = 0; i < MAX_ACCEPTS_PER_EVENT && state == State.LISTENING; i++) {
            SocketChannel accepted;
            try {
                accepted = channel.accept();
            } catch (IOException e) {
                backOff(e);
                break;
            }
            if (accepted == null) {
                break;
            }
            if (backoff.failures() > 0) {
                LOG.debug("accepting on {} again after {} failed accepts", address, backoff.failures());
                backoff.reset();
            }
            dispatch.accepted(accepted);
        }
        dispatch.burstEnded();
        return Optional.empty();
    }

    @Override
    public void connectionLost(ConnectionClosed reason) {
        if (state == State.STOPPED) {
            return;
        }
        state = State.STOPPED;
        reactor.tcp().stopFactory(factory);
    }

    /**
     * Stops accepting for a pause that grows with each failure in a row ({@link AcceptBackoff}): at
     * the file limit the listening socket stays readable, and accepting again at once would spin
     * the loop. Then accepts again. The warning is logged at most once a minute.
     */
    private void backOff(IOException e) {
        AcceptBackoff.Pause pause = backoff.next();
        if (pause.warn()) {
            LOG.warn("accept on {} failed ({}); pausing accepts for {} ms, growing to {} ms while it fails"
                    + " (this warning at most once every {} s)", address, e.getMessage(), pause.length().toMillis(),
                    AcceptBackoff.MAX.toMillis(), AcceptBackoff.WARN_EVERY.toSeconds());
        } else {
            LOG.debug("accept on {} failed {} times in a row: {}", address, backoff.failures(), e.toString());
        }
        state = State.BACKING_OFF;
        reactor.registry().interest(this, true, false);
        reactor.callLater(pause.length(), () -> {
            if (state == State.BACKING_OFF) {
                state = State.LISTENING;
                reactor.registry().interest(this, true, true);
            }
        });
    }

    static String describe(InetSocketAddress a) {
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    @Override
    public String toString() {
        return "TcpPort[" + describe(address) + ", " + state + "]";
    }
}
