package org.slowpoetry.fetch;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.function.Consumer;
import org.slowpoetry.reactor.ConnectionClosed;
import org.slowpoetry.reactor.ConnectionDone;
import org.slowpoetry.reactor.ConnectionLost;
import org.slowpoetry.reactor.DelayedCall;
import org.slowpoetry.reactor.EventLoop;
import org.slowpoetry.reactor.Protocol;

/**
 * The client side of Part 13's transform request on the reactor (the text's
 * {@code TransformClientProtocol}): as soon as the connection is made it sends the request, then
 * feeds what comes back into the {@link TransformExchange} and reports the one result. A whole
 * reply closes the connection (the text's {@code loseConnection} in {@code stringReceived}).
 *
 * <p>It keeps the idle-read timeout ({@link FetchSettings#timeout()}) as the poetry protocol does:
 * armed when the connection is made, pushed back by every chunk; if it runs, the server has been
 * silent that long (or never read the request), the exchange ends timed out and the connection is
 * aborted.
 *
 * <p><b>Threading:</b> the reactor calls it on its thread, one callback at a time.
 */
final class TransformClientProtocol extends Protocol {

    private final TransformExchange exchange;
    private final Consumer<PoemResult> done;
    private final EventLoop loop;
    /** Armed by connectionMade, reset by each chunk, cancelled at the end; reactor thread only. */
    private DelayedCall idleTimer;

    TransformClientProtocol(TransformExchange exchange, Consumer<PoemResult> done, EventLoop loop) {
        this.exchange = Objects.requireNonNull(exchange, "exchange");
        this.done = Objects.requireNonNull(done, "done");
        this.loop = Objects.requireNonNull(loop, "loop");
    }

    @Override
    protected void connectionMade() {
        exchange.connected();
        idleTimer = loop.callLater(exchange.settings().timeout(), this::timedOut);
        transport().write(exchange.requestBytes());
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        if (exchange.state() == TransformExchange.State.ENDED) {
            return; // bytes after the reply, or read before the connection was cut off
        }
        idleTimer.reset(exchange.settings().timeout());
        exchange.received(data).ifPresent(result -> {
            end(result);
            switch (result) {
                case PoemResult.Poem reply -> transport().loseConnection();
                case PoemResult.Failed failed -> transport().abortConnection();
            }
        });
    }

    @Override
    public void connectionLost(ConnectionClosed reason) {
        if (exchange.state() == TransformExchange.State.ENDED) {
            return; // the reply came, or the limit or the timer cut it off, and said so
        }
        end(switch (reason) {
            case ConnectionDone closed -> exchange.closed();
            case ConnectionLost(Throwable cause) -> exchange.failed(cause);
        });
    }

    /** The server was silent for the whole timeout. */
    private void timedOut() {
        end(exchange.timedOut());
        transport().abortConnection();
    }

    private void end(PoemResult result) {
        if (idleTimer.active()) {
            idleTimer.cancel();
        }
        done.accept(result);
    }
}
