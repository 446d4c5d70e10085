package org.slowpoetry.fetch;

import java.net.SocketAddress;
import java.util.Objects;
import java.util.function.Consumer;
import org.slowpoetry.defer.CancelledException;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.reactor.ClientFactory;
import org.slowpoetry.reactor.Connector;
import org.slowpoetry.reactor.Protocol;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.transform.TransformRequest;

/**
 * A poem transformed by a transform server over the reactor (Part 13): the text's
 * {@code TransformProxy.xform} with its {@code TransformClientFactory}. It connects, sends one
 * netstring {@code NAME.POEM}, and fires the {@link Deferred} with the poem in the one netstring
 * that comes back:
 *
 * {@snippet :
 * Deferred<String> d = TransformClient.xform(reactor, xformAddress, "cummingsify", poem, settings);
 * d.addCallbacks(transformed -> ..., err -> {
 *     FetchFailure why = ((FetchException) err.value()).failure();   // a value: Refused, NoReply, ...
 *     ...
 * });
 * d.cancel();              // Part 19: closes the connection; d fails with CancelledException
 * }
 *
 * <p>A callback that returns this Deferred pauses its own chain until the transform is back: Part
 * 13's point. The failures are {@link FetchFailure} values in a {@link FetchException}, as for a
 * download: the connect's ({@code Refused}, {@code UnknownHost}, ...), a silence past
 * {@link FetchSettings#timeout()} ({@code TimedOut}), a broken connection ({@code Lost}), a server
 * that closes without a reply ({@code NoReply}: an unknown transform), a reply past
 * {@link FetchSettings#maxPoemBytes()} ({@code TooLong}) or malformed ({@code BadPoem}). The
 * protocol's rules are {@link TransformExchange}'s, shared with {@link BlockingTransform}.
 *
 * <p><b>Threading:</b> reactor thread only (or the thread configuring the reactor before it runs,
 * or an inline-callbacks body holding its loop): {@code connectTCP} checks, and the Deferred fires
 * on the reactor's thread.
 */
public final class TransformClient implements ClientFactory {

    /* Implementation overview
     *
     * "You make it, you fire it" (Part 13): xform makes the Deferred, and the result consumer it
     * hands to this factory fires it. This object is the factory of the one connection: it builds
     * the TransformClientProtocol and hears clientConnectionFailed itself. Both report through
     * finish(), which passes the result on only while the request is STARTED: after cancel()
     * (which disconnects, and whose disconnect may itself produce a failure) the Deferred has
     * already been failed with CancelledException and hears nothing more.
     */

    /** Where a request is. */
    private enum State {
        /** Made, not connecting yet. */
        NEW,
        /** Connecting, or waiting for the reply. */
        STARTED,
        /** The result has been passed on. */
        ENDED,
        /** Cancelled before it ended; the result is dropped. */
        CANCELLED
    }

    private final Reactor reactor;
    private final TransformExchange exchange;
    /** Reactor thread only. */
    private State state = State.NEW;
    /** Set once by start; reactor thread only. */
    private Consumer<PoemResult> done;
    /** Set once by start; reactor thread only. */
    private Connector connector;

    private TransformClient(Reactor reactor, TransformExchange exchange) {
        this.reactor = Objects.requireNonNull(reactor, "reactor");
        this.exchange = exchange;
    }

    /**
     * The text's {@code proxy.xform(xform_name, poem)}: {@code poem} transformed by the transform
     * called {@code name} on the server at {@code xformAddress}, as a Deferred. It fires with the
     * reply, or fails with a {@link FetchException} saying why there is none. Cancelling it while
     * the request runs closes the connection (or stops the connect), and it fails with
     * {@link CancelledException}.
     *
     * @throws IllegalArgumentException if {@code name} is empty or has a dot (it cannot be sent)
     * @throws org.slowpoetry.reactor.ReactorStoppedException if the reactor is stopping or stopped
     */
    public static Deferred<String> xform(Reactor reactor, Address xformAddress, String name, String poem,
            FetchSettings settings) {
        var exchange = new TransformExchange(xformAddress, new TransformRequest(name, poem), settings);
        TransformClient client = new TransformClient(reactor, exchange);
        Deferred<String> d = new Deferred<>(cancelled -> client.cancel());
        client.start(result -> {
            switch (result) {
                case PoemResult.Poem(byte[] reply) -> d.callback(TransformExchange.text(reply));
                case PoemResult.Failed(FetchFailure why, byte[] none) -> d.errback(new FetchException(why, none, null));
            }
        });
        return d;
    }

    /** Connects without blocking, within the settings' timeout; the result goes to {@code done}, once. */
    private void start(Consumer<PoemResult> whenDone) {
        done = whenDone;
        state = State.STARTED;
        Address address = exchange.address();
        connector = reactor.connectTCP(address.host(), address.port(), this, exchange.settings().timeout());
    }

    /** Abandons the request, if it is still going: stops the connect, or closes the connection. */
    private void cancel() {
        if (state == State.STARTED) { // NEW cannot be: xform starts every client it makes
            state = State.CANCELLED;
            connector.disconnect();
        }
    }

    /** Twisted's {@code buildProtocol}: the one transform protocol, reporting through {@link #finish}. */
    @Override
    public Protocol buildProtocol(SocketAddress peer) {
        return new TransformClientProtocol(exchange, this::finish, reactor);
    }

    /** The connect failed (refused, timed out, unknown host, stopped): the exchange's failure. */
    @Override
    public void clientConnectionFailed(Connector failed, Throwable reason) {
        finish(exchange.failed(reason));
    }

    private void finish(PoemResult result) {
        if (state == State.STARTED) {
            state = State.ENDED;
            done.accept(result);
        }
    }

    @Override
    public String toString() {
        return "TransformClient[" + exchange.address() + ", " + state + "]";
    }
}
