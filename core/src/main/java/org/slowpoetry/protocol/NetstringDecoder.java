package org.slowpoetry.protocol;

import static org.slowpoetry.protocol.NetstringException.Problem.EMPTY_LENGTH;
import static org.slowpoetry.protocol.NetstringException.Problem.LEADING_ZERO;
import static org.slowpoetry.protocol.NetstringException.Problem.MISSING_COLON;
import static org.slowpoetry.protocol.NetstringException.Problem.MISSING_COMMA;
import static org.slowpoetry.protocol.NetstringException.Problem.NON_DIGIT_LENGTH;
import static org.slowpoetry.protocol.NetstringException.Problem.TOO_LONG;
import static org.slowpoetry.protocol.NetstringException.Problem.TRUNCATED;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Decodes a stream of netstrings ({@code <length>:<payload>,}, e.g. {@code 5:hello,}) fed to it in
 * chunks of any size, split anywhere. Each complete payload is handed to the sink as soon as its
 * closing comma arrives. The framing that Part 12's transformation protocol uses in both directions,
 * and the reason a transform client can tell a cut reply from a whole one (see {@link PoetryProtocol}).
 *
 * {@snippet :
 * var decoder = new NetstringDecoder();              // payloads up to 1 MiB
 * decoder.feed(ByteBuffer.wrap("5:hel".getBytes(US_ASCII)), sink); // nothing yet
 * decoder.feed(ByteBuffer.wrap("lo,0:,".getBytes(US_ASCII)), sink); // sink gets "hello", then ""
 * decoder.finish();                                   // at end of stream: throws if inside a netstring
 * }
 *
 * <p>The format is strict: the length is one or more ASCII digits without leading zeros ({@code "0"}
 * itself is fine), then {@code ':'}, exactly that many payload bytes, then {@code ','}. Every
 * violation throws a {@link NetstringException} naming the {@link NetstringException.Problem} and
 * the stream offset of the offending byte. A length above the maximum is rejected as soon as its
 * digits read so far exceed it, before any payload is buffered; at most the declared length is ever
 * held in memory, and that memory is allocated as the payload arrives, not when its length is read.
 *
 * <p>A failure is final: the decoder moves to {@link State#FAILED} and every later {@code feed} or
 * {@code finish} throws {@link IllegalStateException}, because after a framing error there is no
 * telling where the next netstring would start. The same happens after {@link #finish()}
 * ({@link State#FINISHED}).
 *
 * <p><b>Threading:</b> not thread-safe, and has no threads, timers or blocking of its own. A decoder
 * belongs to one connection and is called by whichever single thread reads that connection: the
 * reactor's loop thread (a protocol's {@code dataReceived}) or the connection's virtual thread (a
 * blocking read loop). The sink runs on the calling thread, inside {@code feed}. Handing a decoder
 * from one thread to another needs a happens-before edge such as a queue or a future.
 */
public final class NetstringDecoder {
    /** The default maximum payload length: 1 MiB. */
    public static final int DEFAULT_MAX_LENGTH = 1 << 20;

    /** Where the decoder is in the stream. */
    public enum State {
        /** Reading length digits (or waiting for the first one, between netstrings). */
        READING_LENGTH,
        /** Reading the payload whose length has been read. */
        READING_PAYLOAD,
        /** The payload is complete; the next byte must be {@code ','}. */
        EXPECTING_COMMA,
        /** {@link #finish()} succeeded: the stream ended between netstrings. */
        FINISHED,
        /** A {@link NetstringException} was thrown; the decoder accepts nothing more. */
        FAILED
    }

    /*
     * Implementation overview
     *
     * A byte-at-a-time state machine for the framing (digits, colon, comma) and a bulk copy for the
     * payload. `offset` counts every byte consumed since the stream began, which is what error
     * messages report. The payload buffer starts small and doubles up to the declared length, so a
     * peer that announces 1 MiB and sends nothing costs us a few KiB, not 1 MiB. Before the sink is
     * called the decoder is already back in READING_LENGTH, so a sink that throws leaves it usable
     * (the rest of the chunk stays unconsumed in the caller's buffer).
     */

    private static final int INITIAL_PAYLOAD_CAPACITY = 4096;
    private static final byte[] EMPTY = new byte[0];

    private final int maxLength;
    /** All fields below are written and read only by the thread that owns the connection. */
    private State state = State.READING_LENGTH;
    /** Stream offset of the next byte to consume. */
    private long offset;
    /** Length digits read for the current netstring, as text for messages; empty between netstrings. */
    private final StringBuilder digits = new StringBuilder(8);
    /** The value of {@code digits}; never above {@code maxLength}. */
    private int length;
    /** Payload bytes in {@code [0, filled)}; capacity at most {@code length}. Null between payloads. */
    private byte[] payload;
    private int filled;
    /** The exception that failed the decoder, kept as the cause of later misuse errors. */
    private NetstringException failure;

    /** A decoder accepting payloads up to {@link #DEFAULT_MAX_LENGTH} bytes. */
    public NetstringDecoder() {
        this(DEFAULT_MAX_LENGTH);
    }

    /**
     * A decoder accepting payloads up to {@code maxLength} bytes.
     *
     * @param maxLength the longest payload accepted, in bytes
     * @throws IllegalArgumentException if {@code maxLength} is negative
     */
    public NetstringDecoder(int maxLength) {
        if (maxLength < 0) {
            throw new IllegalArgumentException("maxLength must be >= 0: " + maxLength);
        }
        this.maxLength = maxLength;
    }

    /**
     * Consumes all of the chunk's remaining bytes, handing each payload completed by them to
     * {@code sink}, in stream order. The payload arrays are fresh and belong to the sink.
     *
     * <p>If this throws, the chunk's position is just past the last byte consumed: the offending
     * byte for a {@link NetstringException}, the completed netstring's comma if the sink threw.
     *
     * @throws NetstringException    if the bytes break the format; the decoder is then failed
     * @throws IllegalStateException if the decoder has failed or finished
     */
    public void feed(ByteBuffer chunk, Consumer<? super byte[]> sink) {
        Objects.requireNonNull(sink, "sink");
        requireOpen();
        while (chunk.hasRemaining()) {
            switch (state) {
                case READING_LENGTH -> readLength(chunk);
                case READING_PAYLOAD -> readPayload(chunk);
                case EXPECTING_COMMA -> {
                    byte[] complete = readComma(chunk);
                    sink.accept(complete);
                }
                case FINISHED, FAILED -> throw new AssertionError(state);
            }
        }
    }

    /**
     * Consumes {@code len} bytes of {@code bytes} from index {@code off}; otherwise as
     * {@link #feed(ByteBuffer, Consumer)}. Convenient after a blocking {@code InputStream.read}.
     *
     * @throws IndexOutOfBoundsException if the slice is not inside {@code bytes}
     */
    public void feed(byte[] bytes, int off, int len, Consumer<? super byte[]> sink) {
        feed(ByteBuffer.wrap(bytes, off, len), sink);
    }

    /**
     * Declares end of stream. Succeeds, moving to {@link State#FINISHED}, if the stream ended
     * between netstrings; otherwise the stream was cut short.
     *
     * @throws NetstringException    with {@link NetstringException.Problem#TRUNCATED} if the stream
     *                               ended inside a netstring; the decoder is then failed
     * @throws IllegalStateException if the decoder has already failed or finished
     */
    public void finish() {
        requireOpen();
        switch (state) {
            case READING_LENGTH -> {
                if (!digits.isEmpty()) {
                    throw fail(TRUNCATED, "stream ended inside a netstring length '" + digits + "'");
                }
                state = State.FINISHED;
            }
            case READING_PAYLOAD -> throw fail(TRUNCATED, "stream ended inside a netstring: "
                    + filled + " of " + length + " payload bytes received");
            case EXPECTING_COMMA -> throw fail(TRUNCATED,
                    "stream ended before the ',' closing a " + length + "-byte netstring");
            case FINISHED, FAILED -> throw new AssertionError(state);
        }
    }

    /** Where the decoder is. */
    public State state() {
        return state;
    }

    /** How many bytes have been consumed since the stream began. */
    public long offset() {
        return offset;
    }

    /** The longest payload this decoder accepts. */
    public int maxLength() {
        return maxLength;
    }

    /** Reads framing bytes until the colon (or the chunk's end); the colon starts the payload. */
    private void readLength(ByteBuffer chunk) {
        while (chunk.hasRemaining()) {
            byte b = chunk.get();
            offset++;
            if (b >= '0' && b <= '9') {
                if (digits.length() == 1 && digits.charAt(0) == '0') {
                    throw fail(LEADING_ZERO, "netstring length has a leading zero: '0' followed by "
                            + ByteText.show(b));
                }
                digits.append((char) b);
                long next = length * 10L + (b - '0'); // no overflow: length <= maxLength <= MAX_VALUE
                if (next > maxLength) {
                    throw fail(TOO_LONG, "netstring length '" + digits + "' exceeds the limit of "
                            + maxLength + " bytes");
                }
                length = (int) next;
            } else if (b == ':') {
                if (digits.isEmpty()) {
                    throw fail(EMPTY_LENGTH, "netstring length is empty: ':' comes first");
                }
                startPayload();
                return;
            } else if (digits.isEmpty()) {
                throw fail(NON_DIGIT_LENGTH, "netstring length must start with a digit, got "
                        + ByteText.show(b));
            } else {
                throw fail(MISSING_COLON, "expected ':' after netstring length '" + digits + "', got "
                        + ByteText.show(b));
            }
        }
    }

    private void startPayload() {
        payload = length == 0 ? EMPTY : new byte[Math.min(length, INITIAL_PAYLOAD_CAPACITY)];
        filled = 0;
        state = length == 0 ? State.EXPECTING_COMMA : State.READING_PAYLOAD;
    }

    private void readPayload(ByteBuffer chunk) {
        int n = Math.min(chunk.remaining(), length - filled);
        if (filled + n > payload.length) {
            int capacity = (int) Math.min(length, Math.max((long) filled + n, 2L * payload.length));
            payload = Arrays.copyOf(payload, capacity);
        }
        chunk.get(payload, filled, n);
        filled += n;
        offset += n;
        if (filled == length) {
            state = State.EXPECTING_COMMA;
        }
    }

    /** Reads the comma and returns the completed payload, the decoder already reset for the next. */
    private byte[] readComma(ByteBuffer chunk) {
        byte b = chunk.get();
        offset++;
        if (b != ',') {
            throw fail(MISSING_COMMA, "expected ',' after a " + length + "-byte netstring payload, got "
                    + ByteText.show(b));
        }
        assert filled == length && payload.length == length;
        byte[] complete = payload;
        payload = null;
        digits.setLength(0);
        length = 0;
        filled = 0;
        state = State.READING_LENGTH;
        return complete;
    }

    /** Fails the decoder; the problem is at the byte just consumed (or at the end, for TRUNCATED). */
    private NetstringException fail(NetstringException.Problem problem, String detail) {
        long at = problem == TRUNCATED ? offset : offset - 1;
        failure = new NetstringException(problem, detail, at);
        state = State.FAILED;
        payload = null;
        return failure;
    }

    private void requireOpen() {
        switch (state) {
            case FAILED -> throw new IllegalStateException("netstring decoder failed earlier: "
                    + failure.getMessage(), failure);
            case FINISHED -> throw new IllegalStateException("netstring decoder already finished");
            default -> { }
        }
    }
}
