package org.slowpoetry.reactor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The bytes a connection has been asked to write and the socket has not taken yet: a queue of the
 * callers' buffers (no copying), flushed with gathering writes.
 *
 * <p><b>Threading:</b> reactor thread only (owned by one {@link TcpConnection}).
 */
final class WriteBuffer {

    /* Implementation overview
     *
     * Twisted joins its pending strings into one before each send; Netty keeps a linked list of
     * buffers and hands up to IOV_MAX of them to writev. We do as Netty: queue the buffers as given
     * and write up to SelectorRegistry.MAX_GATHER of them with one GatheringByteChannel.write (writev(2)).
     *
     * The JDK copies a heap buffer into a temporary direct buffer of the same size before writing
     * it, so one write of a huge heap buffer would allocate a huge direct buffer. A write is
     * therefore capped at MAX_WRITE_BYTES; the socket takes at most a few megabytes anyway. A
     * direct buffer (such as the servers' shared poem) is written as it is, with no copy.
     *
     * flushTo writes until the socket is full (a short write), the queue is empty, or MAX_WRITES
     * writes were made: like Netty's writeSpinCount, the cap lets other connections have a turn.
     */

    /** At most this many bytes are offered to the socket per write call. */
    static final int MAX_WRITE_BYTES = 1 << 20;
    /** At most this many write calls per flush. */
    private static final int MAX_WRITES = 16;

    /** The buffers, oldest first; each has bytes remaining. */
    private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>();
    /** The sum of the buffers' remaining bytes. */
    private long size;

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** The bytes waiting. */
    long size() {
        return size;
    }

    /** Queues {@code data}'s remaining bytes (by reference). */
    void add(ByteBuffer data) {
        if (data.hasRemaining()) {
            queue.addLast(data);
            size += data.remaining();
        }
    }

    /** Forgets everything queued. */
    void clear() {
        queue.clear();
        size = 0;
    }

    /**
     * Writes as much as {@code channel} takes without blocking.
     *
     * @param scratch a reusable array for gathering writes; left all null
     * @return whether everything was written
     */
    boolean flushTo(GatheringByteChannel channel, ByteBuffer[] scratch) throws IOException {
        for (int writes = 0; writes < MAX_WRITES && !queue.isEmpty(); writes++) {
            ByteBuffer first = queue.peekFirst();
            long offered;
            long written;
            if (queue.size() == 1 || first.remaining() >= MAX_WRITE_BYTES) {
                offered = Math.min(first.remaining(), MAX_WRITE_BYTES);
                written = writeCapped(channel, first);
            } else {
                int n = 0;
                offered = 0;
                for (ByteBuffer b : queue) {
                    if (n == scratch.length || offered + b.remaining() > MAX_WRITE_BYTES) {
                        break;
                    }
                    scratch[n++] = b;
                    offered += b.remaining();
                }
                try {
                    written = channel.write(scratch, 0, n);
                } finally {
                    Arrays.fill(scratch, 0, n, null);
                }
            }
            size -= written;
            while (!queue.isEmpty() && !queue.peekFirst().hasRemaining()) {
                queue.pollFirst();
            }
            if (written < offered) {
                break; // the socket's send buffer is full: wait for OP_WRITE
            }
        }
        return queue.isEmpty();
    }

    /** Writes at most {@link #MAX_WRITE_BYTES} of {@code data}, advancing its position. */
    static int writeCapped(GatheringByteChannel channel, ByteBuffer data) throws IOException {
        if (data.remaining() <= MAX_WRITE_BYTES) {
            return channel.write(data);
        }
        int limit = data.limit();
        data.limit(data.position() + MAX_WRITE_BYTES);
        try {
            return channel.write(data);
        } finally {
            data.limit(limit);
        }
    }
}
