package org.slowpoetry.fetch;

import java.net.SocketAddress;
import java.util.Objects;
import java.util.function.IntConsumer;
import org.slowpoetry.defer.CancelledException;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.reactor.ClientFactory;
import org.slowpoetry.reactor.Connector;
import org.slowpoetry.reactor.Protocol;
import org.slowpoetry.reactor.Reactor;

/**
 * One poem fetched over the reactor: the connection ({@code connectTCP} with this as the factory),
 * the one poetry protocol on it, and where they report, a {@link PoemSink}. What counts as a poem,
 * the size limit and how a failure is classified are {@link PoemDownload}'s, as for the blocking
 * and Loom clients; every wait is bounded by {@link FetchSettings#timeout()} (the connect, and each
 * silence of the server).
 *
 * <p>Two ways in. With a sink, for the clients that hear each chunk (2.0 prints a line per read):
 *
 * {@snippet :
 * PoetryClient client = new PoetryClient(reactor, address, settings).start(sink);
 * client.cancel();              // changed our mind: the connection closes, the sink hears nothing more
 * }
 *
 * With a {@link Deferred}, the text's {@code get_poetry(host, port)} of Part 8 (client 4.0 on):
 *
 * {@snippet :
 * Deferred<byte[]> d = PoetryClient.getPoetry(reactor, address, settings);
 * d.addCallbacks(poem -> ..., err -> {
 *     FetchFailure why = ((FetchException) err.value()).failure();   // a value, not words
 *     ...
 * });
 * d.cancel();                   // Part 19: closes the connection; d fails with CancelledException
 * }
 *
 * <p>A client is used once: {@code NEW → STARTED → ENDED} (the sink has heard the end) or
 * {@code CANCELLED}.
 *
 * <p><b>Threading:</b> reactor thread only (or the thread configuring the reactor before it runs,
 * or an inline-callbacks body holding its loop): {@code connectTCP} checks, and the sink and the
 * Deferred are called back on the reactor's thread.
 */
public final class PoetryClient implements ClientFactory {

    /* Implementation overview
     *
     * This object is the factory of the one connection: it builds the PoetryClientProtocol, which
     * reports chunks and the end, and hears clientConnectionFailed itself. Both report through
     * gate, the sink the protocol is given, which passes news on only while the client is STARTED
     * and moves it to ENDED with the result: so after cancel() (which disconnects, and whose
     * disconnect may itself produce a failure or a short "poem") the caller's sink hears nothing.
     *
     * getPoetry is "you make it, you fire it" (Part 13, exercise 3): the Deferred is made and fired
     * by getPoetry's own sink; the factory never sees it. Its canceller is cancel() (Part 19,
     * exercise 4): the sink then stays silent, and Deferred.cancel fails it with CancelledException.
     */

    /** Where a client is. */
    public enum State {
        /** Made, not connecting yet. */
        NEW,
        /** Connecting or reading. */
        STARTED,
        /** The sink has heard how it ended. */
        ENDED,
        /** Cancelled before it ended; the sink heard nothing of the end. */
        CANCELLED
    }

    private final Reactor reactor;
    private final PoemDownload download;
    private final PoemSink gate = new Gate();
    /** Reactor thread only. */
    private State state = State.NEW;
    /** Set once by start; reactor thread only. */
    private PoemSink sink;
    /** Set once by start; reactor thread only. */
    private Connector connector;

    /** A client for the poem at {@code address}, within {@code settings}; {@link #start} starts it. */
    public PoetryClient(Reactor reactor, Address address, FetchSettings settings) {
        this.reactor = Objects.requireNonNull(reactor, "reactor");
        this.download = new PoemDownload(address, settings);
    }

    /**
     * Starts fetching: connects without blocking, within the settings' timeout, and reports to
     * {@code sink}. Nothing reaches the sink before this returns.
     *
     * @return this client
     * @throws IllegalStateException if it was started before
     * @throws org.slowpoetry.reactor.ReactorStoppedException if the reactor is stopping or stopped
     */
    public PoetryClient start(PoemSink sink) {
        Objects.requireNonNull(sink, "sink");
        if (state != State.NEW) {
            throw new IllegalStateException("the fetch of " + address() + " was started before");
        }
        this.sink = sink;
        state = State.STARTED;
        Address address = download.address();
        connector = reactor.connectTCP(address.host(), address.port(), this, download.settings().timeout());
        return this;
    }

    /**
     * The text's {@code get_poetry(host, port)}: the poem at {@code address} as a Deferred, fired
     * with every byte the server sent, or with a {@link FetchException} saying why there is none.
     * Cancelling it while the download runs closes the connection (or stops the connect), and it
     * fails with {@link CancelledException}.
     */
    public static Deferred<byte[]> getPoetry(Reactor reactor, Address address, FetchSettings settings) {
        return getPoetry(reactor, address, settings, bytes -> { });
    }

    /**
     * {@link #getPoetry(Reactor, Address, FetchSettings)}, telling {@code progress} the size of each
     * chunk as it arrives (on the reactor's thread), for a caller that keeps count.
     */
    public static Deferred<byte[]> getPoetry(Reactor reactor, Address address, FetchSettings settings,
            IntConsumer progress) {
        Objects.requireNonNull(progress, "progress");
        PoetryClient client = new PoetryClient(reactor, address, settings);
        Deferred<byte[]> d = new Deferred<>(cancelled -> client.cancel());
        client.start(PoemSink.of(progress, d::callback, d::errback));
        return d;
    }

    /** The server this client fetches from. */
    public Address address() {
        return download.address();
    }

    /** Where it is. */
    public State state() {
        return state;
    }

    /**
     * Abandons the download, if it is still going: stops the connect, or closes the connection
     * (the server sees it close). The sink hears nothing more. Does nothing once it has ended or
     * been cancelled.
     *
     * @throws IllegalStateException if it was never started
     */
    public void cancel() {
        switch (state) {
            case NEW -> throw new IllegalStateException("the fetch of " + address() + " was never started");
            case STARTED -> {
                state = State.CANCELLED;
                connector.disconnect();
            }
            case ENDED, CANCELLED -> { }
        }
    }

    /** Twisted's {@code buildProtocol}: the one poetry protocol, reporting through the gate. */
    @Override
    public Protocol buildProtocol(SocketAddress peer) {
        return new PoetryClientProtocol(download, gate, reactor);
    }

    /** The connect failed (refused, timed out, unknown host, stopped): the download's failure. */
    @Override
    public void clientConnectionFailed(Connector failed, Throwable reason) {
        gate.ended(download.failed(reason));
    }

    /** What the protocol and the factory report through: the sink, while the client is started. */
    private final class Gate implements PoemSink {
        @Override
        public void chunk(int bytes) {
            if (state == State.STARTED) {
                sink.chunk(bytes);
            }
        }

        @Override
        public void ended(PoemResult result) {
            if (state == State.STARTED) {
                state = State.ENDED;
                sink.ended(result);
            }
        }
    }

    @Override
    public String toString() {
        return "PoetryClient[" + address() + ", " + state + "]";
    }
}
