package org.slowpoetry.servers.transform;

import java.nio.ByteBuffer;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.reactor.ConnectionClosed;
import org.slowpoetry.reactor.DelayedCall;
import org.slowpoetry.reactor.Protocol;
import org.slowpoetry.transform.TransformResult;

/**
 * Part 12's {@code TransformProtocol}, in the reactor style: bytes go to the connection's
 * {@link TransformExchange}; a whole request goes to the service's non-blocking
 * {@link org.slowpoetry.transform.Transformer#transformAsync}, whose result comes back as a
 * {@link Deferred} on the loop (exercise 4: the protocol does not care whether the transform
 * answered at once or later); then the reply is written and the connection closed.
 *
 * <p>One timer bounds the whole connection: if it has not ended {@code requestTimeout} after it was
 * made, it is aborted. The timer, and a transform still running, are cancelled when the connection
 * ends first. The transport's write timeout bounds the reply too: a client that takes none of it
 * for that long is aborted sooner. Reading stops once the request is whole, so a client that
 * half-closes after its request still gets its reply.
 *
 * <p><b>Threading:</b> reactor thread only.
 */
final class TransformProtocol extends Protocol {
    private final TransformFactory factory;
    private final TransformExchange exchange;
    /** The request timeout, until the connection ends; reactor thread only. */
    private DelayedCall deadline;
    /** The service's result while it is awaited, else null; reactor thread only. */
    private Deferred<TransformResult> pending;

    TransformProtocol(TransformFactory factory, TransformExchange exchange) {
        this.factory = factory;
        this.exchange = exchange;
    }

    @Override
    protected void connectionMade() {
        transport().setWriteTimeout(factory.config().writeTimeout());
        deadline = factory.reactor().callLater(factory.config().requestTimeout(), this::timedOut);
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        if (exchange.state() == TransformExchange.State.READING) {
            act(exchange.received(data));
        }
    }

    @Override
    public void connectionLost(ConnectionClosed reason) {
        if (exchange.state() == TransformExchange.State.READING) {
            exchange.ended();
        }
        if (deadline != null && deadline.active()) {
            deadline.cancel();
        }
        if (pending != null) {
            pending.cancel(); // cancels the service's future; its result is no longer wanted
        }
    }

    private void act(Step step) {
        switch (step) {
            case Step.ReadMore more -> { }
            case Step.Run(var request) -> {
                transport().pauseProducing(); // the request is whole: read no more
                pending = Deferred.fromFuture(factory.config().service().transformAsync(request), factory.reactor());
                pending.addCallbacks(result -> {
                    pending = null;
                    act(exchange.transformed(result));
                    return null;
                }, cancelled -> null); // the result never fails: only connectionLost cancels it
            }
            case Step.Reply(var bytes) -> {
                transport().write(bytes);
                transport().loseConnection();
            }
            case Step.Close close -> transport().loseConnection();
        }
    }

    private void timedOut() {
        exchange.timedOut(factory.config().requestTimeout());
        transport().abortConnection();
    }
}
