package org.slowpoetry.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class PoemAccumulatorTest {

    @Test
    void finishReturnsEveryChunkInOrder() {
        var poem = new PoemAccumulator();
        poem.append(ByteBuffer.wrap("Go and catch ".getBytes(UTF_8)));
        byte[] more = "xxa falling staryy".getBytes(UTF_8);
        poem.append(more, 2, 14);
        assertEquals(27, poem.size());
        assertEquals("Go and catch a falling star", new String(poem.finish(), UTF_8));
    }

    @Test
    void appendConsumesTheWholeBuffer() {
        var chunk = ByteBuffer.wrap("abc".getBytes(UTF_8));
        new PoemAccumulator().append(chunk);
        assertEquals(chunk.limit(), chunk.position());
    }

    @Test
    void emptyPoemFinishesAsEmptyArray() {
        assertArrayEquals(new byte[0], new PoemAccumulator().finish());
    }

    @Test
    void manySmallChunksGrowTheBufferWithoutLoss() {
        var poem = new PoemAccumulator();
        byte[] expected = new byte[100_000];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) i;
        }
        for (byte[] chunk : Chunks.ofSize(expected, 7)) {
            poem.append(ByteBuffer.wrap(chunk));
        }
        assertArrayEquals(expected, poem.finish());
    }

    @Test
    void poemExactlyAtTheLimitIsAccepted() {
        var poem = new PoemAccumulator(5);
        poem.append(ByteBuffer.wrap("abc".getBytes(UTF_8)));
        poem.append(ByteBuffer.wrap("de".getBytes(UTF_8)));
        assertEquals("abcde", new String(poem.finish(), UTF_8));
    }

    @Test
    void poemOneByteOverTheLimitFailsAndKeepsNothingOfTheChunk() {
        var poem = new PoemAccumulator(5);
        poem.append(ByteBuffer.wrap("abc".getBytes(UTF_8)));
        var chunk = ByteBuffer.wrap("def".getBytes(UTF_8));
        var e = assertThrows(LimitExceededException.class, () -> poem.append(chunk));
        assertEquals("poem longer than 5 bytes at offset 5", e.getMessage());
        assertEquals(5, e.offset());
        assertEquals(0, chunk.position());
        assertThrows(IllegalStateException.class, () -> poem.append(ByteBuffer.allocate(0)));
        assertThrows(IllegalStateException.class, poem::finish);
    }

    @Test
    void defaultLimitIsTheProtocolsMaximum() {
        assertEquals(PoetryProtocol.DEFAULT_MAX_POEM_BYTES, new PoemAccumulator().maxBytes());
    }

    @Test
    void appendingAfterFinishThrows() {
        var poem = new PoemAccumulator();
        poem.finish();
        assertThrows(IllegalStateException.class, () -> poem.append(new byte[1], 0, 1));
        assertThrows(IllegalStateException.class, poem::finish);
    }

    @Test
    void sliceOutsideTheArrayIsRejected() {
        assertThrows(IndexOutOfBoundsException.class, () -> new PoemAccumulator().append(new byte[3], 2, 2));
    }
}
