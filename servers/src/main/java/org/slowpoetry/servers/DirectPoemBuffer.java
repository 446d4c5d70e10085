package org.slowpoetry.servers;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A poem's bytes copied once into native memory, shared read-only by every connection that writes
 * them to a channel: the socket then writes from it with no copy.
 *
 * <p>A channel write of a heap buffer makes the JDK copy it into a temporary direct buffer first
 * ({@code IOUtil.write}: {@code Util.getTemporaryDirectBuffer}, a copy, then
 * {@code offerFirstTemporaryDirectBuffer}), on every write of every connection; in a JFR profile of
 * the reactor under {@code bench load}'s slow-throughput that path was the hottest Java code. A
 * direct buffer is written as it is. Netty's servers hold their poem the same way.
 *
 * <p>The copy is made on first use, so servers that write the poem to streams (blocking, loom)
 * never pay for it; it is one per poem, however many connections. When direct memory is short
 * ({@code -XX:MaxDirectMemorySize}, by default the heap's maximum), the poem is served from the
 * heap as before, with one warning line: slower, never refused.
 *
 * <p><b>Threading:</b> safe from any thread: {@link #view()} creates the buffer once under this
 * object's lock, and the buffer is never written after that; each caller gets its own read-only
 * view (position and limit of its own) of the same memory.
 */
final class DirectPoemBuffer {
    private static final Logger LOG = LoggerFactory.getLogger(DirectPoemBuffer.class);

    private final String source;
    private final byte[] bytes;
    private final IntFunction<ByteBuffer> allocateDirect;
    /**
     * The shared buffer (direct, or a heap one if direct memory was short), null until first used.
     * Written once by {@link #view()} under the lock; read by any thread (volatile: safe publication).
     */
    private volatile ByteBuffer shared;

    /**
     * @param source         the poem's source, for the warning
     * @param bytes          the poem: not copied, and never modified by anyone
     * @param allocateDirect {@code ByteBuffer::allocateDirect}, or a stand-in for tests
     */
    DirectPoemBuffer(String source, byte[] bytes, IntFunction<ByteBuffer> allocateDirect) {
        this.source = Objects.requireNonNull(source, "source");
        this.bytes = Objects.requireNonNull(bytes, "bytes");
        this.allocateDirect = Objects.requireNonNull(allocateDirect, "allocateDirect");
    }

    /** A new read-only view of the whole poem, position 0; all views share one buffer. */
    ByteBuffer view() {
        return shared().duplicate(); // of a read-only buffer: read-only
    }

    /**
     * A new read-only view of bytes {@code [from, from + length)}: one view object per call (a
     * slow server makes one per send), not a duplicate and then a slice of it.
     *
     * @throws IndexOutOfBoundsException if the range is not within the poem
     */
    ByteBuffer view(int from, int length) {
        return shared().slice(from, length);
    }

    private ByteBuffer shared() {
        ByteBuffer b = shared;
        return b != null ? b : create();
    }

    private synchronized ByteBuffer create() {
        if (shared == null) {
            shared = copy().asReadOnlyBuffer();
        }
        return shared;
    }

    private ByteBuffer copy() {
        try {
            return allocateDirect.apply(bytes.length).put(bytes).flip();
        } catch (OutOfMemoryError e) {
            // "Cannot reserve N bytes of direct buffer memory": nothing was allocated.
            LOG.warn("poem '{}' ({} bytes) does not fit in direct memory ({}); serving it from the heap,"
                    + " copied on every write (raise -XX:MaxDirectMemorySize)", source, bytes.length, e.getMessage());
            return ByteBuffer.wrap(bytes);
        }
    }
}
