package org.slowpoetry.fetch;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.protocol.NetstringDecoder;
import org.slowpoetry.protocol.NetstringEncoder;
import org.slowpoetry.protocol.NetstringException;
import org.slowpoetry.transform.TransformRequest;

/**
 * One request to a transform server (Part 12), from the client's side: the part that does not
 * depend on how the bytes travel. The reactor's {@link TransformClient} and the blocking
 * {@link BlockingTransform} feed it the same events and get the same answers, so the client's half
 * of the protocol lives here once:
 *
 * <ul>
 *   <li>the request is one netstring, {@code NAME.POEM} ({@link TransformRequest#payload()});</li>
 *   <li>the reply is the first whole netstring that comes back, within
 *       {@link FetchSettings#maxPoemBytes()} ({@link FetchFailure.TooLong} past it; a malformed
 *       one is a {@link FetchFailure.BadPoem});</li>
 *   <li>a server that closes without a byte of reply turned the request down (an unknown
 *       transform, says the protocol): {@link FetchFailure.NoReply}; one that closes half-way
 *       through the reply: {@link FetchFailure.Truncated};</li>
 *   <li>what the JDK throws is classified as a download's is: before the connection was made
 *       ({@link FetchFailure#connectFailed}) or after ({@link FetchFailure#readFailed}).</li>
 * </ul>
 *
 * <p>It moves forward only, {@code CONNECTING → AWAITING_REPLY → ENDED}, and ends once; an event
 * out of order throws {@link IllegalStateException}.
 *
 * <p><b>Threading:</b> not thread-safe, no threads of its own: it belongs to the thread that
 * talks to the server (the caller of {@link BlockingTransform}, or the reactor's loop thread).
 */
final class TransformExchange {

    /** Where an exchange is. */
    enum State {
        /** The connect has not completed. */
        CONNECTING,
        /** Connected: the request is sent, the reply may arrive. */
        AWAITING_REPLY,
        /** A result has been given. */
        ENDED
    }

    private final Address address;
    private final TransformRequest request;
    private final FetchSettings settings;
    /** Reads the reply; owning thread only. */
    private final NetstringDecoder reply;
    /** Owning thread only. */
    private State state = State.CONNECTING;

    /** A request for {@code request} to the transform server at {@code address}, within {@code settings}. */
    TransformExchange(Address address, TransformRequest request, FetchSettings settings) {
        this.address = Objects.requireNonNull(address, "address");
        this.request = Objects.requireNonNull(request, "request");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.reply = new NetstringDecoder(settings.maxPoemBytes());
    }

    Address address() {
        return address;
    }

    FetchSettings settings() {
        return settings;
    }

    State state() {
        return state;
    }

    /** The bytes to send once connected: the request as one netstring. */
    byte[] requestBytes() {
        return NetstringEncoder.encode(request.payload());
    }

    /**
     * The connect completed.
     *
     * @throws IllegalStateException unless it was connecting
     */
    void connected() {
        require(State.CONNECTING, "connect");
        state = State.AWAITING_REPLY;
    }

    /**
     * Takes the chunk's remaining bytes.
     *
     * @return empty while the reply is incomplete; else the result that ends the exchange: the
     *     transformed poem, or the failure (too long, malformed). Bytes after the reply are ignored.
     * @throws IllegalStateException unless a reply is awaited
     */
    Optional<PoemResult> received(ByteBuffer chunk) {
        require(State.AWAITING_REPLY, "take bytes");
        List<byte[]> replies = new ArrayList<>(1);
        try {
            reply.feed(chunk, replies::add);
        } catch (NetstringException e) {
            if (!replies.isEmpty()) {
                return Optional.of(endWith(replies.getFirst())); // the reply is whole; what follows is not ours to judge
            }
            return Optional.of(e.problem() == NetstringException.Problem.TOO_LONG
                    ? endWith(new FetchFailure.TooLong(address, received(), settings.maxPoemBytes()))
                    : failed(e));
        }
        return replies.isEmpty() ? Optional.empty() : Optional.of(endWith(replies.getFirst()));
    }

    /**
     * The server closed the connection before a whole reply came.
     *
     * @return {@link FetchFailure.NoReply} if not a byte came, else {@link FetchFailure.Truncated}:
     *     the reply was cut short, as a framed poem can be
     * @throws IllegalStateException unless a reply is awaited
     */
    PoemResult.Failed closed() {
        require(State.AWAITING_REPLY, "end");
        if (received() == 0) {
            return endWith(new FetchFailure.NoReply(address, request.name()));
        }
        return endWith(new FetchFailure.Truncated(address, received()));
    }

    /**
     * The connect, the write or a read threw {@code cause}: the failure it means.
     *
     * @throws IllegalStateException if the exchange has ended
     */
    PoemResult.Failed failed(Throwable cause) {
        FetchFailure why = switch (state) {
            case CONNECTING -> FetchFailure.connectFailed(address, cause, settings.timeout());
            case AWAITING_REPLY -> FetchFailure.readFailed(address, received(), cause, settings.timeout());
            case ENDED -> throw new IllegalStateException("the transform request to " + address + " has ended");
        };
        return endWith(why);
    }

    /**
     * Nothing happened for {@link FetchSettings#timeout()}: the connect did not complete, or the
     * server went silent.
     *
     * @throws IllegalStateException if the exchange has ended
     */
    PoemResult.Failed timedOut() {
        if (state == State.ENDED) {
            throw new IllegalStateException("the transform request to " + address + " has ended");
        }
        return endWith(new FetchFailure.TimedOut(address, state == State.AWAITING_REPLY, received(),
                settings.timeout()));
    }

    /** The transformed poem as text: the protocol's poems are UTF-8. */
    static String text(byte[] poem) {
        return new String(poem, StandardCharsets.UTF_8);
    }

    /** How many bytes of reply have arrived. */
    private int received() {
        return (int) Math.min(reply.offset(), Integer.MAX_VALUE);
    }

    private PoemResult.Poem endWith(byte[] transformed) {
        state = State.ENDED;
        return new PoemResult.Poem(transformed);
    }

    private PoemResult.Failed endWith(FetchFailure why) {
        state = State.ENDED;
        return new PoemResult.Failed(why, new byte[0]);
    }

    private void require(State expected, String action) {
        if (state != expected) {
            throw new IllegalStateException("cannot " + action + ": the transform request to " + address + " is "
                    + state);
        }
    }
}
