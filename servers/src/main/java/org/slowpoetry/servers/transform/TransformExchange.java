package org.slowpoetry.servers.transform;

import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slowpoetry.fetch.FailureText;
import org.slowpoetry.fetch.FetchException;
import org.slowpoetry.protocol.ProtocolException;
import org.slowpoetry.transform.BadTransformRequestException;
import org.slowpoetry.transform.TransformRequest;
import org.slowpoetry.transform.TransformResult;

/**
 * One connection's request and reply, as both server styles see it: bytes in, a {@link Step} out.
 * The framing, the parsing, and what each outcome means (reply, or close with a log line) live
 * here, once; the reactor protocol feeds it from {@code dataReceived}, the loom connection from a
 * blocking read loop.
 *
 * {@snippet :
 * var exchange = new TransformExchange(Wire.NETSTRING, maxRequest, peer);
 * Step step = exchange.received(chunk);            // ReadMore, Run(request) or Close(reason)
 * if (step instanceof Step.Run(var request)) {
 *     step = exchange.transformed(service.transform(request, timeout));   // Reply(bytes) or Close
 * }
 * }
 *
 * <p>The rules: a frame that breaks the framing, or is longer than {@code maxRequest} bytes, closes
 * the connection as soon as it is seen, before the excess is buffered; so does a frame that is not
 * a request (no {@code '.'} or no name), an unknown transform, a failed one, or an end of stream
 * before a whole request. Each close is one log line naming the peer and the reason (for an unknown
 * transform, its name). Bytes after the first request are ignored.
 *
 * <p><b>Threading:</b> not thread-safe: one exchange belongs to one connection and is called by
 * the one thread that serves it (the reactor loop, or the connection's virtual thread). Misuse,
 * such as feeding bytes after the request was complete, throws {@link IllegalStateException}.
 */
final class TransformExchange {

    private static final Logger LOG = LoggerFactory.getLogger(TransformExchange.class);

    /** Where the exchange is. */
    enum State {
        /** Waiting for a whole request. */
        READING,
        /** The request went to the service; waiting for its result. */
        TRANSFORMING,
        /** A reply or a close was decided; nothing more to do. */
        DONE
    }

    private final Wire wire;
    private final SocketAddress peer;
    private final Wire.Framer framer;
    /** Written and read by the connection's one thread only, as are the fields below. */
    private State state = State.READING;
    /** The first whole frame, once it has arrived. */
    private byte[] frame;

    TransformExchange(Wire wire, int maxRequest, SocketAddress peer) {
        this.wire = Objects.requireNonNull(wire, "wire");
        this.peer = peer;
        this.framer = wire.framer(maxRequest);
    }

    /**
     * More bytes from the client.
     *
     * @return {@link Step.ReadMore}, {@link Step.Run} once the request is whole, or {@link Step.Close}
     * @throws IllegalStateException unless reading
     */
    Step received(ByteBuffer chunk) {
        require(State.READING, "received bytes");
        try {
            framer.feed(chunk, this::keepFirst);
        } catch (ProtocolException e) {
            if (frame == null) {
                return close("malformed request: " + e.getMessage());
            }
            // the request was whole before the bad bytes; what follows it is ignored anyway
        }
        if (frame == null) {
            return new Step.ReadMore();
        }
        TransformRequest request;
        try {
            request = wire.parse(frame);
        } catch (BadTransformRequestException e) {
            return close("bad request: " + e.getMessage());
        } finally {
            frame = null;
        }
        state = State.TRANSFORMING;
        return new Step.Run(request);
    }

    /**
     * The client's end of stream.
     *
     * @return {@link Step.Close}: the request was never whole
     * @throws IllegalStateException unless reading
     */
    Step ended() {
        require(State.READING, "end of stream");
        return close("the client ended before a whole request");
    }

    /**
     * The service's answer to the {@link Step.Run} request.
     *
     * @return {@link Step.Reply} with the transformed poem, or {@link Step.Close} for an unknown or
     *     failed transform
     * @throws IllegalStateException unless transforming
     */
    Step transformed(TransformResult result) {
        require(State.TRANSFORMING, "a result");
        return switch (result) {
            case TransformResult.Transformed(var name, var poem) -> {
                state = State.DONE;
                yield new Step.Reply(wire.reply(poem));
            }
            case TransformResult.Unknown(var name) -> close("unknown transform '" + name + "'");
            case TransformResult.Failed(var name, var cause) -> close("transform '" + name + "' failed: " + why(cause));
        };
    }

    /**
     * The request timeout expired, in whatever state: the server closes the connection.
     *
     * @return {@link Step.Close}, logged
     */
    Step timedOut(Duration timeout) {
        String waitingFor = state == State.TRANSFORMING ? "the transform" : "a whole request and its reply";
        return close("waited " + timeout.toMillis() + " ms for " + waitingFor);
    }

    State state() {
        return state;
    }

    private void keepFirst(byte[] next) {
        if (frame == null && state == State.READING) {
            frame = next;
        }
    }

    private Step.Close close(String reason) {
        state = State.DONE;
        LOG.info("{} transform request from {}: closing, {}", wire, peer, reason);
        return new Step.Close(reason);
    }

    private void require(State expected, String what) {
        if (state != expected) {
            throw new IllegalStateException(what + " while " + state + ", expected " + expected);
        }
    }

    @Override
    public String toString() {
        return wire + " exchange with " + peer + " (" + state + ")";
    }

    /**
     * Why a transform failed, in words: a forwarded request's failure (the transformation proxy's)
     * as {@link FailureText} words every download's, anything else by its message.
     */
    private static String why(Throwable cause) {
        Throwable c = cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null
                ? cause.getCause() : cause;
        return c instanceof FetchException fetch ? FailureText.reason(fetch.failure()) : String.valueOf(c);
    }
}
