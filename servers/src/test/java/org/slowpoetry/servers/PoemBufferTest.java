package org.slowpoetry.servers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The poem's channel buffers: views of one read-only direct buffer per poem, whatever the number of
 * connections; and a poem that does not fit in direct memory is still served, from the heap.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PoemBufferTest {
    private static final byte[] TEXT = "Tyger Tyger, burning bright,\nIn the forests of the night;\n".repeat(50)
            .getBytes(StandardCharsets.UTF_8);

    /** Counts the direct buffers made. */
    private static final class Counting implements IntFunction<ByteBuffer> {
        final AtomicInteger made = new AtomicInteger();

        @Override
        public ByteBuffer apply(int size) {
            made.incrementAndGet();
            return ByteBuffer.allocateDirect(size);
        }
    }

    private static final IntFunction<ByteBuffer> NO_DIRECT_MEMORY = size -> {
        throw new OutOfMemoryError("Cannot reserve " + size + " bytes of direct buffer memory (test)");
    };

    @Test
    void everyViewIsReadOnlyAndDirectAndOnePoemMakesOneDirectBuffer() {
        var counting = new Counting();
        Poem poem = Poem.of("tyger.txt", TEXT, counting);
        for (int i = 0; i < 100; i++) { // as 100 connections would
            ByteBuffer whole = poem.buffer();
            assertTrue(whole.isDirect());
            assertTrue(whole.isReadOnly());
            assertEquals(ByteBuffer.wrap(TEXT), whole);
            ByteBuffer chunk = poem.slice(i, 10);
            assertTrue(chunk.isDirect());
            assertTrue(chunk.isReadOnly());
            assertEquals(ByteBuffer.wrap(TEXT, i, 10), chunk);
            assertThrows(ReadOnlyBufferException.class, () -> chunk.put(0, (byte) 'x'));
        }
        assertEquals(1, counting.made.get(), "one direct buffer per poem, not per connection");
    }

    @Test
    void viewsMoveIndependently() {
        Poem poem = Poem.of("tyger.txt", TEXT, new Counting());
        ByteBuffer a = poem.buffer();
        ByteBuffer b = poem.buffer();
        a.position(a.limit()); // as a connection that sent it all
        assertEquals(TEXT.length, b.remaining());
        assertEquals(0, poem.slice(0, 10).position());
    }

    @Test
    void aSliceIsClippedToThePoemsEnd() {
        Poem poem = Poem.of("tyger.txt", TEXT, new Counting());
        assertEquals(5, poem.slice(TEXT.length - 5, 100).remaining());
        assertEquals(0, poem.slice(TEXT.length, 100).remaining());
    }

    @Test
    void streamServersNeverMakeTheDirectCopy() throws IOException {
        var counting = new Counting();
        Poem poem = Poem.of("tyger.txt", TEXT, counting);
        var out = new ByteArrayOutputStream();
        poem.writeTo(out, 0, poem.size());
        assertArrayEquals(TEXT, out.toByteArray());
        assertEquals(0, counting.made.get());
    }

    @Test
    void aPoemOverTheDirectMemoryBudgetIsServedFromTheHeap() throws Exception {
        Poem poem = Poem.of("tyger.txt", TEXT, NO_DIRECT_MEMORY);
        assertFalse(poem.buffer().isDirect());
        assertTrue(poem.buffer().isReadOnly());
        ServerImpl reactor = ServerImpls.find("reactor", ServerKind.FAST);
        try (PoetryServer fast = reactor.start(ServerConfig.fast(poem));
             PoetryServer slow = reactor.start(ServerConfig.slow(poem).withPacing(500, Duration.ofMillis(1)))) {
            assertArrayEquals(TEXT, fetch(fast.address()));
            assertArrayEquals(TEXT, fetch(slow.address()));
        }
    }

    private static byte[] fetch(InetSocketAddress address) throws IOException {
        try (Socket s = new Socket(address.getAddress(), address.getPort())) {
            s.setSoTimeout(20_000);
            return s.getInputStream().readAllBytes();
        }
    }
}
