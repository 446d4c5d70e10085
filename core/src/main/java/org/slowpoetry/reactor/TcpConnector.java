package org.slowpoetry.reactor;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One outgoing TCP connection: the {@link Connector} of {@link Reactor#connectTCP}. While the
 * connect is in progress it is the write descriptor of the socket (a connecting socket becomes
 * "writable" when the connect completes); then it hands the socket to a {@link TcpConnection}.
 *
 * <p><b>Threading:</b> reactor thread only; the Connector methods check.
 */
final class TcpConnector implements Connector, WriteDescriptor {
    private static final Logger LOG = LoggerFactory.getLogger(TcpConnector.class);

    /* Implementation overview
     *
     * connect(): open a channel (from the selector's provider), register it with the reactor as
     * ours, start the timeout (a callLater), then connect to the address. A literal address
     * connects at once; a host name is resolved on a virtual thread, because
     * InetAddress.getByName blocks and the loop must not (Twisted resolves names in a thread pool
     * for the same reason), and the result comes back with callFromThread.
     *
     * Every asynchronous event (the resolver's answer, the timeout) carries the number of the
     * attempt it belongs to, and is ignored if that attempt is over: the connector may have
     * failed, been stopped, and started again meanwhile.
     *
     * Failure has one path, fail(): close the channel, cancel the timer, tell the factory
     * clientConnectionFailed, and stop the factory unless the factory connected again. A refused
     * connect surfaces as finishConnect() throwing inside doWrite; the reactor then disconnects
     * us, which lands in connectionLost and so in fail().
     */

    private final Reactor reactor;
    private final InetSocketAddress destination;
    private final ClientFactory factory;
    private final Duration timeout;

    // All fields below: reactor thread only.
    private State state = State.DISCONNECTED;
    /** Numbers the attempts, so that late events of an old attempt are recognized. */
    private long attempt;
    private SocketChannel channel;
    private DelayedCall timeoutCall;
    private TcpConnection connection;
    /** Whether this connector counts as a user of the factory (from connect to the final failure or loss). */
    private boolean usingFactory;

    TcpConnector(Reactor reactor, String host, int port, ClientFactory factory, Duration timeout) {
        this.reactor = reactor;
        this.destination = InetSocketAddress.createUnresolved(host, port);
        this.factory = factory;
        this.timeout = timeout;
    }

    @Override
    public InetSocketAddress getDestination() {
        return destination;
    }

    @Override
    public State state() {
        reactor.checkInLoop("Connector.state");
        return state;
    }

    @Override
    public void connect() {
        reactor.checkInLoop("Connector.connect");
        if (state != State.DISCONNECTED) {
            throw new IllegalStateException("cannot connect: the connector is already " + state);
        }
        reactor.requireAlive("connect to " + describe());
        state = State.CONNECTING;
        long thisAttempt = ++attempt;
        if (!usingFactory) {
            usingFactory = true;
            reactor.tcp().startFactory(factory);
        }
        reactor.runSafely(() -> factory.startedConnecting(this));
        if (state != State.CONNECTING || attempt != thisAttempt) {
            return; // startedConnecting stopped us
        }
        timeoutCall = reactor.callLater(timeout, () -> {
            if (attempt == thisAttempt && state == State.CONNECTING) {
                timeoutCall = null;
                fail(new SocketTimeoutException("connecting to " + describe() + " timed out after "
                        + timeout.toMillis() + " ms"));
            }
        });
        try {
            channel = reactor.registry().provider().openSocketChannel();
            reactor.registry().adopt(this);
        } catch (IOException | RuntimeException e) {
            fail(e);
            return;
        }
        InetAddress literal = literalAddress(destination.getHostString());
        if (literal != null) {
            connectTo(literal);
        } else {
            resolve(thisAttempt);
        }
    }

    @Override
    public void stopConnecting() {
        reactor.checkInLoop("Connector.stopConnecting");
        if (state != State.CONNECTING) {
            throw new IllegalStateException("cannot stop connecting: the connector is " + state);
        }
        fail(new CancellationException("connecting to " + describe() + " was stopped"));
    }

    @Override
    public void disconnect() {
        reactor.checkInLoop("Connector.disconnect");
        switch (state) {
            case CONNECTING -> stopConnecting();
            case CONNECTED -> connection.loseConnection();
            case DISCONNECTED -> {
            }
        }
    }

    // ---------------------------------------------------------------- descriptor (while connecting)

    @Override
    public SelectableChannel channel() {
        return channel;
    }

    @Override
    public Optional<ConnectionClosed> doWrite() throws IOException {
        if (channel.finishConnect()) {
            connected();
        }
        return Optional.empty();
    }

    @Override
    public void connectionLost(ConnectionClosed reason) {
        // The reactor closed our channel: the connect failed in doWrite, or the reactor stopped.
        if (state == State.CONNECTING) {
            fail(switch (reason) {
                case ConnectionLost(var cause) -> cause;
                case ConnectionDone done -> new IOException("connection closed while connecting");
            });
        }
    }

    // ---------------------------------------------------------------- helpers

    private void connectTo(InetAddress address) {
        try {
            if (channel.connect(new InetSocketAddress(address, destination.getPort()))) {
                connected();
            } else {
                reactor.registry().interest(this, false, true); // OP_CONNECT, since the connect is pending
            }
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    private void resolve(long thisAttempt) {
        String host = destination.getHostString();
        Thread.ofVirtual().name("slowpoetry-resolve-" + host).start(() -> {
            InetAddress address = null;
            Exception error = null;
            try {
                address = InetAddress.getByName(host);
            } catch (UnknownHostException | RuntimeException e) {
                error = e;
            }
            InetAddress found = address;
            Exception failure = error;
            reactor.callFromThread(() -> {
                if (attempt != thisAttempt || state != State.CONNECTING) {
                    return; // timed out or stopped meanwhile
                }
                if (failure != null) {
                    fail(failure);
                } else {
                    connectTo(found);
                }
            });
        });
    }

    private void connected() {
        cancelTimeout();
        reactor.registry().interest(this, false, false);
        SocketAddress peer;
        SocketAddress host;
        try {
            peer = channel.getRemoteAddress();
            host = channel.getLocalAddress();
        } catch (IOException e) {
            fail(e);
            return;
        }
        Protocol protocol;
        try {
            protocol = factory.buildProtocol(peer);
        } catch (RuntimeException e) {
            LOG.error("Unhandled error in buildProtocol of {} for {}", factory, peer, e);
            fail(e);
            return;
        }
        if (protocol == null) {
            fail(new IllegalStateException("the factory built no protocol for " + describe()));
            return;
        }
        state = State.CONNECTED;
        connection = new TcpConnection(reactor, channel, protocol, peer, host, this::lost);
        channel = null; // the connection owns it now
        connection.start();
    }

    /** The connection (made by us) has ended, after its protocol was told. */
    private void lost(ConnectionClosed reason) {
        state = State.DISCONNECTED;
        connection = null;
        reactor.runSafely(() -> factory.clientConnectionLost(this, reason));
        releaseFactoryUnlessReconnected();
    }

    private void fail(Throwable reason) {
        if (state != State.CONNECTING) {
            return;
        }
        state = State.DISCONNECTED;
        cancelTimeout();
        SocketChannel failed = channel;
        channel = null;
        if (failed != null) {
            try {
                failed.close(); // also cancels its key: the reactor forgets us
            } catch (IOException e) {
                LOG.debug("closing {} failed: {}", failed, e.toString());
            }
        }
        reactor.runSafely(() -> factory.clientConnectionFailed(this, reason));
        releaseFactoryUnlessReconnected();
    }

    private void releaseFactoryUnlessReconnected() {
        if (state == State.DISCONNECTED && usingFactory) {
            usingFactory = false;
            reactor.tcp().stopFactory(factory);
        }
    }

    private void cancelTimeout() {
        if (timeoutCall != null) {
            if (timeoutCall.active()) {
                timeoutCall.cancel();
            }
            timeoutCall = null;
        }
    }

    private static InetAddress literalAddress(String host) {
        try {
            return InetAddress.ofLiteral(host);
        } catch (IllegalArgumentException notALiteral) {
            return null;
        }
    }

    private String describe() {
        String host = destination.getHostString();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + destination.getPort();
    }

    @Override
    public String toString() {
        return "TcpConnector[" + describe() + ", " + state + "]";
    }
}
