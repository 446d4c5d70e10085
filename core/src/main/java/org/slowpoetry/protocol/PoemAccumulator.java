package org.slowpoetry.protocol;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Collects the chunks of one poem until end of stream (see {@link PoetryProtocol}): a growable byte
 * buffer with a size limit, so that a server that never stops sending fails the download instead of
 * the client's heap.
 *
 * {@snippet :
 * var poem = new PoemAccumulator(64 * 1024);
 * poem.append(firstChunk);   // ByteBuffer: consumed from position to limit
 * poem.append(bytes, 0, n);  // or a byte[] slice
 * byte[] all = poem.finish(); // at end of stream; exactly the bytes appended, in order
 * }
 *
 * <p>It is used once: after {@link #finish()} or a failed {@link #append}, every further call
 * throws {@link IllegalStateException}.
 *
 * <p><b>Threading:</b> not thread-safe, and has no threads of its own. It belongs to one download:
 * call it from the thread that reads that connection (the reactor's loop thread or the download's
 * virtual thread). Handing it to another thread needs a happens-before edge (a queue, a future).
 */
public final class PoemAccumulator {
    private enum State { COLLECTING, FINISHED, FAILED }

    private static final int INITIAL_CAPACITY = 4096;

    private final int maxBytes;
    /** The bytes so far in {@code [0, size)}; written and read by the owning thread only. */
    private byte[] buffer;
    /** How many bytes of {@code buffer} are the poem; owning thread only. */
    private int size;
    /** Owning thread only. */
    private State state = State.COLLECTING;

    /** An accumulator allowing up to {@link PoetryProtocol#DEFAULT_MAX_POEM_BYTES}. */
    public PoemAccumulator() {
        this(PoetryProtocol.DEFAULT_MAX_POEM_BYTES);
    }

    /**
     * An accumulator allowing up to {@code maxBytes}.
     *
     * @param maxBytes the largest poem accepted
     * @throws IllegalArgumentException if {@code maxBytes} is negative
     */
    public PoemAccumulator(int maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must be >= 0: " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.buffer = new byte[Math.min(maxBytes, INITIAL_CAPACITY)];
    }

    /**
     * Appends the chunk's remaining bytes, leaving its position at its limit.
     *
     * @throws LimitExceededException if the poem would grow past the limit; nothing of the chunk
     *         is kept (nor consumed), and the accumulator is failed
     * @throws IllegalStateException  after {@link #finish()} or a failure
     */
    public void append(ByteBuffer chunk) {
        int n = reserve(chunk.remaining());
        chunk.get(buffer, size, n);
        size += n;
    }

    /**
     * Appends {@code length} bytes of {@code bytes} from {@code offset}.
     *
     * @throws LimitExceededException    as {@link #append(ByteBuffer)}
     * @throws IllegalStateException     after {@link #finish()} or a failure
     * @throws IndexOutOfBoundsException if the slice is not inside {@code bytes}
     */
    public void append(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        int n = reserve(length);
        System.arraycopy(bytes, offset, buffer, size, n);
        size += n;
    }

    /** How many bytes have been appended so far. */
    public int size() {
        return size;
    }

    /** The limit this accumulator was made with. */
    public int maxBytes() {
        return maxBytes;
    }

    /**
     * Ends the poem at end of stream and returns its bytes. Says nothing about whether the poem
     * is complete: the protocol cannot tell (see {@link PoetryProtocol}).
     *
     * @throws IllegalStateException if called twice or after a failure
     */
    public byte[] finish() {
        requireCollecting();
        state = State.FINISHED;
        byte[] poem = size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
        buffer = null;
        return poem;
    }

    /** Makes room for {@code n} more bytes or fails; returns {@code n}. */
    private int reserve(int n) {
        requireCollecting();
        if (n > maxBytes - size) {
            state = State.FAILED;
            buffer = null;
            throw new LimitExceededException("poem", maxBytes, maxBytes);
        }
        if (size + n > buffer.length) {
            // Double, but never past the limit: the limit is also the most memory we will hold.
            int capacity = (int) Math.min(maxBytes, Math.max((long) size + n, 2L * buffer.length));
            buffer = Arrays.copyOf(buffer, capacity);
        }
        return n;
    }

    private void requireCollecting() {
        switch (state) {
            case COLLECTING -> { }
            case FINISHED -> throw new IllegalStateException("poem already finished");
            case FAILED -> throw new IllegalStateException("poem accumulator failed earlier");
        }
    }
}
