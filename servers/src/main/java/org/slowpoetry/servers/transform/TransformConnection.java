package org.slowpoetry.servers.transform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Joiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection of the loom transform server, as plain blocking code on virtual threads: read
 * until the {@link TransformExchange} has a whole request, call the service's blocking
 * {@link org.slowpoetry.transform.Transformer#transform}, write the reply, close.
 *
 * <p><b>Every wait bounded, the structured way.</b> The exchange runs as one subtask of a small
 * scope and a deadline as its sibling: the deadline sleeps the request timeout on the config's
 * clock. Whichever finishes first wins and the scope cancels the other. If the deadline wins, the
 * exchange's thread is interrupted wherever it blocks (a virtual thread interrupted in a socket
 * read or write has its socket closed), so a client that sends nothing, half a request, or never
 * reads its reply costs one sleeping virtual thread until then, and nothing after. The reply goes
 * out through the server's write watchdog too, so a client that takes none of it for the write
 * timeout is closed sooner.
 *
 * {@snippet :
 * try (var scope = StructuredTaskScope.open(Joiner.<Ending>anySuccessfulResultOrThrow())) {
 *     scope.fork(() -> exchange(client));                       // REPLIED, CLOSED or LOST
 *     scope.fork(() -> { clock.sleep(timeout); return TIMED_OUT; });
 *     Ending first = scope.join();                              // the other one is cancelled
 * }
 * }
 *
 * <p><b>Threading:</b> immutable; {@link #serve} runs on many connection threads at once, each with
 * its own client and exchange, and returns when both of its subtasks have ended.
 */
public final class TransformConnection {

    private static final Logger LOG = LoggerFactory.getLogger(TransformConnection.class);

    private static final int READ_BUFFER = 8192;

    /** How a connection ended: the value of whichever subtask finished first. */
    private enum Ending {
        /** The reply was written. */
        REPLIED,
        /** Closed with no reply; the exchange logged why. */
        CLOSED,
        /** The client went away (an I/O error), or closed its socket under a blocked read. */
        LOST,
        /** The request timeout expired first. */
        TIMED_OUT
    }

    private final TransformServerConfig config;
    private final Wire wire;

    public TransformConnection(TransformServerConfig config, Wire wire) {
        this.config = config;
        this.wire = wire;
    }

    /**
     * Serves {@code client} and closes it, replying through {@code out} (its output, the writes
     * bounded by the write timeout); ends quietly if the server's scope interrupts it.
     */
    public void serve(Socket client, OutputStream out) {
        SocketAddress peer = client.getRemoteSocketAddress();
        var exchange = new TransformExchange(wire, config.maxRequest(), peer);
        Ending ending;
        try (client; out; var scope = StructuredTaskScope.open(Joiner.<Ending>anySuccessfulResultOrThrow())) {
            scope.fork(() -> exchange(client, out, exchange));
            scope.fork(this::deadline);
            ending = scope.join();
        } catch (InterruptedException e) {
            return; // only the server's close() interrupts a connection: end quietly
        } catch (IOException | StructuredTaskScope.FailedException e) {
            LOG.debug("{}: {} ended badly: {}", wire, peer, e.toString());
            return;
        }
        // The scope is closed: both subtasks have ended, and what the exchange did happens-before this.
        if (ending == Ending.TIMED_OUT) {
            exchange.timedOut(config.requestTimeout());
        }
    }

    private Ending exchange(Socket client, OutputStream out, TransformExchange exchange) throws InterruptedException {
        try {
            InputStream in = client.getInputStream();
            byte[] buffer = new byte[READ_BUFFER];
            Step step = new Step.ReadMore();
            while (step instanceof Step.ReadMore) {
                int n = in.read(buffer);
                step = n < 0 ? exchange.ended() : exchange.received(ByteBuffer.wrap(buffer, 0, n));
            }
            if (step instanceof Step.Run(var request)) {
                step = exchange.transformed(config.service().transform(request, config.requestTimeout()));
            }
            return switch (step) {
                case Step.Reply(var bytes) -> {
                    out.write(bytes.array(), bytes.position(), bytes.remaining());
                    yield Ending.REPLIED;
                }
                case Step.Close close -> Ending.CLOSED;
                case Step.ReadMore more -> throw new AssertionError("the read loop ends only on another step");
                case Step.Run run -> throw new AssertionError("a run step is followed by a result");
            };
        } catch (IOException e) {
            LOG.debug("{}: lost {}: {}", wire, client.getRemoteSocketAddress(), e.toString());
            return Ending.LOST;
        }
    }

    private Ending deadline() throws InterruptedException {
        config.clock().sleep(config.requestTimeout());
        return Ending.TIMED_OUT;
    }

    @Override
    public String toString() {
        return wire + " transform connection, " + config.requestTimeout().toMillis() + " ms to reply";
    }
}
