package org.slowpoetry.trial;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slowpoetry.defer.CancelledException;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.reactor.ClientFactory;
import org.slowpoetry.reactor.ConnectionClosed;
import org.slowpoetry.reactor.ConnectionDone;
import org.slowpoetry.reactor.ConnectionLost;
import org.slowpoetry.reactor.Connector;
import org.slowpoetry.reactor.Protocol;
import org.slowpoetry.reactor.Reactor;

/**
 * A client for testing a server on the test's reactor: it connects, writes what the test gives
 * it, and keeps every byte the server sends until the connection ends. Twisted's
 * {@code AccumulatingProtocol} (from {@code twisted.test.proto_helpers}), connected the way
 * {@code ClientCreator} connects it. It is for servers that have no client of their own (an echo,
 * a one-line protocol) and for tests with steps between connecting and reading; where a real
 * client exists ({@code PoetryClient.getPoetry}, {@code TransformClient.xform}), test with that.
 *
 * {@snippet :
 * @Test
 * void theLinePortAnswersOneLine(Reactor reactor, Trial trial) {
 *     Deferred<byte[]> reply = AccumulatingClient.exchange(reactor, linePort, "upper a poem\n".getBytes(UTF_8));
 *     trial.waitFor(reply.thenApply(bytes -> {
 *         assertEquals("A POEM\n", new String(bytes, UTF_8));
 *         return null;
 *     }));
 * }
 * }
 *
 * <p>A refused connect fails {@link #connect}'s Deferred with a {@link java.net.ConnectException},
 * which makes "nothing listens there any more" one line:
 * {@code trial.waitFor(assertFailure(AccumulatingClient.connect(reactor, address), ConnectException.class))}.
 *
 * <p>Every wait is bounded by the test's timeout ({@link ReactorTest#timeout()}), which cancels
 * the Deferred the test waits for: cancelling {@link #connect}'s stops the connect, cancelling
 * {@link #received()}'s aborts the connection. What it keeps is bounded by {@link #MAX_BYTES}.
 *
 * <p><b>Threading:</b> reactor thread only, as the reactor's {@code connectTCP} and a transport
 * are (a test's methods under {@link ReactorTest} run there); the Deferreds fire there.
 */
public final class AccumulatingClient {

    /** The most it keeps: a server that sends more fails {@link #received()} and is cut off. */
    public static final int MAX_BYTES = 1 << 20;

    /** Where the client is. */
    private enum State {
        CONNECTING,
        CONNECTED,
        /** The connection ended, or never came: {@link #outcome} is set. */
        ENDED
    }

    /** The outcome of a connection: everything received, or why there is not all of it. */
    private sealed interface Outcome {
        record Received(byte[] bytes) implements Outcome {
        }

        record Failed(Throwable why) implements Outcome {
        }
    }

    private final InetSocketAddress server;
    private final Deferred<AccumulatingClient> connected;
    private final Accumulator protocol = new Accumulator();
    /** What the server has sent so far. Reactor thread only. */
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    /** Those {@link #received()} gave out before the end. Reactor thread only. */
    private final List<Deferred<byte[]>> waiting = new ArrayList<>();
    /** Reactor thread only. */
    private State state = State.CONNECTING;
    /** Set once, when the state becomes ENDED. Reactor thread only. */
    private Outcome outcome;
    /** Set by {@link #connect}, before any callback. Reactor thread only. */
    private Connector connector;

    private AccumulatingClient(InetSocketAddress server) {
        this.server = server;
        this.connected = new Deferred<>(cancelled -> {
            end(new Outcome.Failed(new CancelledException("the connect to " + Addresses.text(server) + " was cancelled")));
            connector.stopConnecting(); // its clientConnectionFailed finds the client ENDED: cancel() fails the Deferred
        });
    }

    /**
     * Connects to {@code server}: a Deferred that fires with the client once the connection is
     * made, or fails with what the connect failed with ({@link java.net.ConnectException} when
     * refused). Cancelling it while it connects stops the connect.
     *
     * @throws org.slowpoetry.reactor.ReactorStoppedException if the reactor is stopping or stopped
     * @throws WrongThreadException off the reactor's thread
     */
    public static Deferred<AccumulatingClient> connect(Reactor reactor, InetSocketAddress server) {
        Objects.requireNonNull(reactor, "reactor");
        var client = new AccumulatingClient(Objects.requireNonNull(server, "server"));
        client.connector = reactor.connectTCP(server.getHostString(), server.getPort(), client.factory());
        return client.connected;
    }

    /**
     * Connects to {@code server}, writes {@code request} and gathers the reply: a Deferred that
     * fires with every byte the server sent once it has closed the connection, or fails as
     * {@link #connect} and {@link #received()} do. Cancelling it stops the connect or aborts the
     * connection.
     *
     * @throws org.slowpoetry.reactor.ReactorStoppedException if the reactor is stopping or stopped
     * @throws WrongThreadException off the reactor's thread
     */
    public static Deferred<byte[]> exchange(Reactor reactor, InetSocketAddress server, byte[] request) {
        Objects.requireNonNull(request, "request");
        return connect(reactor, server).thenCompose(client -> {
            client.write(request);
            return client.received();
        });
    }

    /**
     * Sends {@code bytes} to the server.
     *
     * @throws IllegalStateException if the connection has ended
     */
    public void write(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        requireConnected("write");
        protocol.send(bytes);
    }

    /**
     * Closes the connection from this side once what was written has been sent; {@link #received()}
     * then fires with what came before.
     *
     * @throws IllegalStateException if the connection has ended
     */
    public void loseConnection() {
        requireConnected("lose the connection");
        protocol.close();
    }

    /**
     * A Deferred that fires, once the connection has ended cleanly (either side closed it), with
     * every byte the server sent; it fails with the cause if the connection was lost otherwise (a
     * reset, an abort), and with an {@link AssertionError} if the server sent more than
     * {@link #MAX_BYTES} (the connection is then aborted). A new Deferred each call, already fired
     * if the connection has ended. Cancelling it before the end aborts the connection.
     */
    public Deferred<byte[]> received() {
        if (state == State.ENDED) {
            return fired(outcome);
        }
        var d = new Deferred<byte[]>(cancelled -> {
            waiting.remove(cancelled);
            if (state == State.CONNECTED) {
                protocol.abort();
            }
        });
        waiting.add(d);
        return d;
    }

    /** The server it connects to, as given. */
    public InetSocketAddress server() {
        return server;
    }

    private ClientFactory factory() {
        return new ClientFactory() {
            @Override
            public Protocol buildProtocol(SocketAddress peer) {
                return protocol;
            }

            @Override
            public void clientConnectionFailed(Connector failed, Throwable reason) {
                if (state == State.CONNECTING) {
                    end(new Outcome.Failed(reason));
                    connected.errback(reason);
                }
            }
        };
    }

    private void end(Outcome how) {
        if (state == State.ENDED) {
            return;
        }
        state = State.ENDED;
        outcome = how;
        List<Deferred<byte[]>> toFire = List.copyOf(waiting);
        waiting.clear();
        toFire.forEach(d -> fire(d, how));
    }

    private static Deferred<byte[]> fired(Outcome how) {
        var d = new Deferred<byte[]>();
        fire(d, how);
        return d;
    }

    private static void fire(Deferred<byte[]> d, Outcome how) {
        switch (how) {
            case Outcome.Received(byte[] bytes) -> d.callback(bytes.clone());
            case Outcome.Failed(Throwable why) -> d.errback(why);
        }
    }

    private void requireConnected(String what) {
        if (state != State.CONNECTED) {
            throw new IllegalStateException("cannot " + what + ": the client of " + Addresses.text(server) + " is "
                    + state);
        }
    }

    @Override
    public String toString() {
        return "AccumulatingClient[" + Addresses.text(server) + ", " + state + ", " + kept.size() + " bytes]";
    }

    /** The one connection's protocol: keeps what arrives, and ends the client when it is lost. */
    private final class Accumulator extends Protocol {

        @Override
        protected void connectionMade() {
            state = State.CONNECTED;
            connected.callback(AccumulatingClient.this);
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            if (kept.size() + data.remaining() > MAX_BYTES) {
                end(new Outcome.Failed(new AssertionError("the server at " + Addresses.text(server)
                        + " sent more than " + MAX_BYTES + " bytes")));
                transport().abortConnection();
                return;
            }
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes); // copy: the buffer is the reactor's again after this call
            kept.writeBytes(bytes);
        }

        @Override
        public void connectionLost(ConnectionClosed reason) {
            end(switch (reason) {
                case ConnectionDone done -> new Outcome.Received(kept.toByteArray());
                case ConnectionLost(Throwable cause) -> new Outcome.Failed(cause);
            });
        }

        void send(byte[] bytes) {
            transport().write(ByteBuffer.wrap(bytes.clone()));
        }

        void close() {
            transport().loseConnection();
        }

        void abort() {
            transport().abortConnection();
        }
    }
}
