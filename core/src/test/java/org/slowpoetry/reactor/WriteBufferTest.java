package org.slowpoetry.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The write queue hands the socket the callers' own buffers, never copies, and several queued
 * buffers in one gathering write.
 */
class WriteBufferTest {

    /** A channel that takes up to {@code capacity} bytes per call and records each call's buffers. */
    private static final class RecordingChannel implements GatheringByteChannel {
        final List<List<ByteBuffer>> calls = new ArrayList<>();
        final ByteArrayOutputStream taken = new ByteArrayOutputStream();
        int capacity = Integer.MAX_VALUE;

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) {
            calls.add(List.copyOf(Arrays.asList(srcs).subList(offset, offset + length)));
            long n = 0;
            for (int i = offset; i < offset + length && n < capacity; i++) {
                n += take(srcs[i], (int) (capacity - n));
            }
            return n;
        }

        @Override
        public long write(ByteBuffer[] srcs) {
            return write(srcs, 0, srcs.length);
        }

        @Override
        public int write(ByteBuffer src) {
            calls.add(List.of(src));
            return take(src, capacity);
        }

        private int take(ByteBuffer src, int max) {
            int n = Math.min(src.remaining(), max);
            for (int i = 0; i < n; i++) {
                taken.write(src.get());
            }
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    private static ByteBuffer direct(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip().asReadOnlyBuffer();
    }

    @Test
    void severalQueuedBuffersGoInOneGatheringWriteOfTheCallersOwnBuffers() throws Exception {
        var out = new WriteBuffer();
        ByteBuffer a = direct("Tyger ");
        ByteBuffer b = direct("Tyger, ");
        ByteBuffer c = direct("burning bright");
        out.add(a);
        out.add(b);
        out.add(c);
        var channel = new RecordingChannel();
        assertTrue(out.flushTo(channel, new ByteBuffer[SelectorRegistry.MAX_GATHER]));
        assertEquals(1, channel.calls.size(), "one writev for three chunks");
        assertSame(a, channel.calls.get(0).get(0), "no copy of the caller's buffer");
        assertSame(b, channel.calls.get(0).get(1));
        assertSame(c, channel.calls.get(0).get(2));
        assertEquals("Tyger Tyger, burning bright", channel.taken.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void aShortWriteKeepsTheRestQueuedInOrder() throws Exception {
        var out = new WriteBuffer();
        out.add(direct("In the "));
        out.add(direct("forests"));
        var channel = new RecordingChannel();
        channel.capacity = 10;
        var scratch = new ByteBuffer[SelectorRegistry.MAX_GATHER];
        assertFalse(out.flushTo(channel, scratch), "the socket is full");
        assertEquals(4, out.size());
        channel.capacity = Integer.MAX_VALUE;
        assertTrue(out.flushTo(channel, scratch));
        assertEquals("In the forests", channel.taken.toString(StandardCharsets.US_ASCII));
        assertTrue(Arrays.stream(scratch).allMatch(x -> x == null), "the scratch array is left empty");
    }
}
