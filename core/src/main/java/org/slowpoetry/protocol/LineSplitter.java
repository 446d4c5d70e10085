package org.slowpoetry.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Splits a byte stream fed in chunks of any size into lines, as the per-line client of Part 21 (the
 * Haskell one, which reports each line of the poem as it arrives) needs. A line ends at {@code LF}
 * or {@code CR LF}; the terminator is not part of the line. A {@code CR} at the end of one chunk
 * and the {@code LF} at the start of the next make one terminator, as if they had come together.
 *
 * {@snippet :
 * var lines = new LineSplitter();
 * Consumer<byte[]> print = LineSplitter.utf8(line -> System.out.println("line: " + line));
 * lines.feed(ByteBuffer.wrap("one\r".getBytes(UTF_8)), print);   // nothing yet
 * lines.feed(ByteBuffer.wrap("\ntwo\nthr".getBytes(UTF_8)), print); // "one", "two"
 * lines.finish().ifPresent(print);                                 // "thr": last line, no newline
 * }
 *
 * <p>It works on bytes, not chars. That is enough for UTF-8 text: bytes {@code 0x0A} and
 * {@code 0x0D} never occur inside a multi-byte UTF-8 sequence, so every line is whole UTF-8 even
 * when a character was split between chunks, and decoding a line at a time (as {@link #utf8} does)
 * is correct. A {@code CR} not followed by {@code LF} is an ordinary byte of the line.
 *
 * <p>A line longer than the maximum (default 1 MiB, not counting its terminator) throws
 * {@link LimitExceededException} before the excess is buffered, so a peer that never sends a
 * newline cannot make the splitter hold more than the limit. After that, or after
 * {@link #finish()}, every call throws {@link IllegalStateException}.
 *
 * <p><b>Threading:</b> not thread-safe, and has no threads or blocking of its own. A splitter
 * belongs to one connection and is called by the single thread that reads it (the reactor's loop
 * thread or the connection's virtual thread); the sink runs on that thread, inside {@code feed}.
 * Handing it to another thread needs a happens-before edge such as a queue or a future.
 */
public final class LineSplitter {
    /** The default longest line: 1 MiB. */
    public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

    private enum State { OPEN, FINISHED, FAILED }

    /*
     * Implementation overview
     *
     * Bytes of the current line that arrived in earlier chunks wait in `pending`. For each LF in a
     * chunk the line is pending + the chunk bytes before the LF, minus one trailing CR if there is
     * one (it may be the last pending byte, which is how a CR|LF split across chunks is handled
     * without any extra state). Bytes after the last LF go to `pending`. The limit is checked
     * before copying, counting a trailing CR as a possible terminator rather than content.
     */

    private static final byte LF = '\n';
    private static final byte CR = '\r';

    private final int maxLineBytes;
    /** All fields below are written and read only by the thread that owns the connection. */
    private State state = State.OPEN;
    /** The current line's bytes from earlier chunks, in {@code [0, pendingSize)}. */
    private byte[] pending = new byte[128];
    private int pendingSize;
    /** Stream offset of the current line's first byte. */
    private long lineStart;

    /** A splitter accepting lines up to {@link #DEFAULT_MAX_LINE_BYTES}. */
    public LineSplitter() {
        this(DEFAULT_MAX_LINE_BYTES);
    }

    /**
     * A splitter accepting lines up to {@code maxLineBytes} bytes.
     *
     * @param maxLineBytes the longest line accepted, not counting its terminator
     * @throws IllegalArgumentException if {@code maxLineBytes} is negative
     */
    public LineSplitter(int maxLineBytes) {
        if (maxLineBytes < 0) {
            throw new IllegalArgumentException("maxLineBytes must be >= 0: " + maxLineBytes);
        }
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Adapts a sink of text lines to the byte lines this splitter emits, decoding each as UTF-8
     * (malformed bytes become U+FFFD).
     */
    public static Consumer<byte[]> utf8(Consumer<? super String> lines) {
        Objects.requireNonNull(lines, "lines");
        return line -> lines.accept(new String(line, StandardCharsets.UTF_8));
    }

    /**
     * Consumes all of the chunk's remaining bytes, handing every line they complete to
     * {@code sink}, in order, as a fresh array without its terminator.
     *
     * @throws LimitExceededException if a line grows past the maximum; the splitter is then failed
     * @throws IllegalStateException  after {@link #finish()} or a failure
     */
    public void feed(ByteBuffer chunk, Consumer<? super byte[]> sink) {
        Objects.requireNonNull(sink, "sink");
        requireOpen();
        while (chunk.hasRemaining()) {
            int start = chunk.position();
            int lf = indexOfLf(chunk);
            if (lf < 0) {
                holdRest(chunk);
                return;
            }
            int before = lf - start; // chunk bytes of this line before the LF, CR included
            boolean cr = before > 0
                    ? chunk.get(lf - 1) == CR
                    : pendingSize > 0 && pending[pendingSize - 1] == CR;
            int lineLength = checkLimit((long) pendingSize + before - (cr ? 1 : 0));
            byte[] line = new byte[lineLength];
            int fromPending = Math.min(pendingSize, lineLength);
            System.arraycopy(pending, 0, line, 0, fromPending);
            chunk.get(line, fromPending, lineLength - fromPending);
            chunk.position(lf + 1);
            lineStart += pendingSize + before + 1;
            pendingSize = 0;
            sink.accept(line);
        }
    }

    /**
     * Consumes {@code len} bytes of {@code bytes} from index {@code off}; otherwise as
     * {@link #feed(ByteBuffer, Consumer)}.
     *
     * @throws IndexOutOfBoundsException if the slice is not inside {@code bytes}
     */
    public void feed(byte[] bytes, int off, int len, Consumer<? super byte[]> sink) {
        feed(ByteBuffer.wrap(bytes, off, len), sink);
    }

    /**
     * Declares end of stream and returns the last line if the stream did not end with a terminator
     * (a lone trailing {@code CR} is then part of that line), or empty if it did.
     *
     * @throws LimitExceededException if that last line is one byte too long (its trailing CR turned
     *                                out to be content)
     * @throws IllegalStateException  if called twice or after a failure
     */
    public Optional<byte[]> finish() {
        requireOpen();
        checkLimit(pendingSize);
        state = State.FINISHED;
        byte[] last = pendingSize == 0 ? null : Arrays.copyOf(pending, pendingSize);
        pending = null;
        return Optional.ofNullable(last);
    }

    /** The longest line this splitter accepts. */
    public int maxLineBytes() {
        return maxLineBytes;
    }

    /** Absolute index of the first LF in the chunk's remaining bytes, or -1. */
    private static int indexOfLf(ByteBuffer chunk) {
        for (int i = chunk.position(); i < chunk.limit(); i++) {
            if (chunk.get(i) == LF) {
                return i;
            }
        }
        return -1;
    }

    /** Moves the chunk's remaining bytes (no LF among them) to {@code pending}. */
    private void holdRest(ByteBuffer chunk) {
        int n = chunk.remaining();
        boolean endsWithCr = chunk.get(chunk.limit() - 1) == CR; // may yet be half of a CR LF
        checkLimit((long) pendingSize + n - (endsWithCr ? 1 : 0));
        if (pendingSize + n > pending.length) {
            // Double, but never past the limit (plus a CR that may be half of the terminator).
            long wanted = Math.max((long) pendingSize + n, 2L * pending.length);
            long cap = Math.min(maxLineBytes + 1L, Integer.MAX_VALUE);
            pending = Arrays.copyOf(pending, (int) Math.min(wanted, cap));
        }
        chunk.get(pending, pendingSize, n);
        pendingSize += n;
    }

    /** Returns {@code lineLength} if within the limit, else fails the splitter. */
    private int checkLimit(long lineLength) {
        if (lineLength > maxLineBytes) {
            state = State.FAILED;
            pending = null;
            throw new LimitExceededException("line", maxLineBytes, lineStart + maxLineBytes);
        }
        return (int) lineLength;
    }

    private void requireOpen() {
        switch (state) {
            case OPEN -> { }
            case FINISHED -> throw new IllegalStateException("line splitter already finished");
            case FAILED -> throw new IllegalStateException("line splitter failed earlier");
        }
    }
}
