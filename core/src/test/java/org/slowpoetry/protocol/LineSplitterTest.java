package org.slowpoetry.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LineSplitterTest {

    /** Feeds the chunks, then finishes; returns every line, the unterminated last one included. */
    private static List<String> split(LineSplitter splitter, List<byte[]> chunks) {
        var lines = new ArrayList<String>();
        var sink = LineSplitter.utf8(lines::add);
        for (byte[] chunk : chunks) {
            splitter.feed(ByteBuffer.wrap(chunk), sink);
        }
        splitter.finish().ifPresent(sink);
        return lines;
    }

    private static List<String> split(String... chunks) {
        var bytes = new ArrayList<byte[]>();
        for (String chunk : chunks) {
            bytes.add(chunk.getBytes(UTF_8));
        }
        return split(new LineSplitter(), bytes);
    }

    @Test
    void lfEndsALineAndIsNotPartOfIt() {
        assertEquals(List.of("one", "two"), split("one\ntwo\n"));
    }

    @Test
    void crLfEndsALineAndNeitherByteIsPartOfIt() {
        assertEquals(List.of("one", "two"), split("one\r\ntwo\r\n"));
    }

    @Test
    void crAtTheEndOfOneChunkAndLfAtTheStartOfTheNextMakeOneTerminator() {
        var splitter = new LineSplitter();
        var lines = new ArrayList<String>();
        splitter.feed(ByteBuffer.wrap("one\r".getBytes(UTF_8)), LineSplitter.utf8(lines::add));
        assertEquals(List.of(), lines);
        splitter.feed(ByteBuffer.wrap("\ntwo".getBytes(UTF_8)), LineSplitter.utf8(lines::add));
        assertEquals(List.of("one"), lines);
        assertEquals("two", new String(splitter.finish().orElseThrow(), UTF_8));
    }

    @Test
    void crAloneInItsOwnChunkBetweenLineAndLfIsStillPartOfTheTerminator() {
        assertEquals(List.of("one", "two"), split("one", "\r", "\n", "two\r", "", "\n"));
    }

    @Test
    void loneCrIsAnOrdinaryByteOfTheLine() {
        assertEquals(List.of("a\rb", "c"), split("a\rb\nc"));
    }

    @Test
    void loneCrAtEndOfStreamStaysInTheLastLine() {
        assertEquals(List.of("a", "b\r"), split("a\nb\r"));
    }

    @Test
    void lastLineWithoutNewlineIsReturnedByFinish() {
        var splitter = new LineSplitter();
        var lines = new ArrayList<byte[]>();
        splitter.feed(ByteBuffer.wrap("first\nlast".getBytes(UTF_8)), lines::add);
        assertEquals(1, lines.size());
        assertEquals(Optional.of("last"), splitter.finish().map(b -> new String(b, UTF_8)));
    }

    @Test
    void streamEndingWithNewlineHasNoExtraLastLine() {
        var splitter = new LineSplitter();
        splitter.feed(ByteBuffer.wrap("only\n".getBytes(UTF_8)), line -> { });
        assertEquals(Optional.empty(), splitter.finish());
    }

    @Test
    void emptyStreamHasNoLines() {
        assertEquals(List.of(), split());
        assertEquals(List.of(), split("", ""));
    }

    @Test
    void emptyLinesAreEmittedAsEmpty() {
        assertEquals(List.of("", "", "x", "", ""), split("\n\r\nx\n\n\r\n"));
    }

    @Test
    void multiByteCharactersSplitAcrossChunksDecodeWhole() {
        String poem = "Sonnet é\nrose 🌹 ∞\nlast ü";
        byte[] bytes = poem.getBytes(UTF_8);
        var expected = List.of("Sonnet é", "rose 🌹 ∞", "last ü");
        for (List<byte[]> chunks : Chunks.everySplit(bytes)) {
            assertEquals(expected, split(new LineSplitter(), chunks), Chunks.describe(chunks));
        }
    }

    @Test
    void sameLinesComeOutWhereverTheStreamIsSplit() {
        byte[] stream = "one\r\n\ntwo\rthree\r\n\r\nfour".getBytes(UTF_8);
        var expected = List.of("one", "", "two\rthree", "", "four");
        var ways = new ArrayList<>(Chunks.everySplit(stream));
        ways.addAll(Chunks.everyTwoCuts(stream));
        for (List<byte[]> chunks : ways) {
            assertEquals(expected, split(new LineSplitter(), chunks), Chunks.describe(chunks));
        }
    }

    @Test
    void malformedUtf8DecodesToReplacementCharacters() {
        var lines = new ArrayList<String>();
        var splitter = new LineSplitter();
        splitter.feed(new byte[] {'a', (byte) 0xC3, '\n'}, 0, 3, LineSplitter.utf8(lines::add));
        assertEquals(List.of("a\uFFFD"), lines);
    }

    @Test
    void byteArrayFeedReadsOnlyTheGivenSlice() {
        byte[] bytes = "xxone\ntwo\nyy".getBytes(UTF_8);
        var lines = new ArrayList<String>();
        new LineSplitter().feed(bytes, 2, 8, LineSplitter.utf8(lines::add));
        assertEquals(List.of("one", "two"), lines);
    }

    // ---- the line limit ------------------------------------------------------------------------

    @Test
    void lineExactlyAtTheLimitIsAccepted() {
        assertEquals(List.of("abc", "def", "ghi"),
                split(new LineSplitter(3), List.of("abc\ndef\r\nghi".getBytes(UTF_8))));
    }

    @Test
    void lineOneOverTheLimitIsRejectedNamingItsOffset() {
        var splitter = new LineSplitter(3);
        var e = assertThrows(LimitExceededException.class,
                () -> split(splitter, List.of("ab\nabcd\n".getBytes(UTF_8))));
        assertEquals("line longer than 3 bytes at offset 6", e.getMessage());
        assertEquals(6, e.offset());
        assertEquals("line", e.what());
        assertEquals(3, e.limit());
    }

    @Test
    void overlongLineIsRejectedBeforeItsNewlineArrives() {
        var splitter = new LineSplitter(3);
        splitter.feed(ByteBuffer.wrap("ab".getBytes(UTF_8)), line -> { });
        var e = assertThrows(LimitExceededException.class,
                () -> splitter.feed(ByteBuffer.wrap("cd".getBytes(UTF_8)), line -> { }));
        assertEquals(3, e.offset());
    }

    @Test
    void crHeldAtTheLimitCountsAsContentIfTheStreamEnds() {
        var splitter = new LineSplitter(3);
        splitter.feed(ByteBuffer.wrap("abc\r".getBytes(UTF_8)), line -> { }); // CR may be half of CRLF
        assertThrows(LimitExceededException.class, splitter::finish);
    }

    @Test
    void crHeldAtTheLimitCountsAsContentIfAnotherByteFollows() {
        var splitter = new LineSplitter(3);
        splitter.feed(ByteBuffer.wrap("abc\r".getBytes(UTF_8)), line -> { });
        assertThrows(LimitExceededException.class,
                () -> splitter.feed(ByteBuffer.wrap("d".getBytes(UTF_8)), line -> { }));
    }

    @Test
    void zeroLimitAcceptsOnlyEmptyLines() {
        assertEquals(List.of("", ""), split(new LineSplitter(0), List.of("\n\r\n".getBytes(UTF_8))));
        assertThrows(LimitExceededException.class,
                () -> split(new LineSplitter(0), List.of("x".getBytes(UTF_8))));
    }

    // ---- misuse --------------------------------------------------------------------------------

    @Test
    void feedingAfterFinishThrows() {
        var splitter = new LineSplitter();
        splitter.finish();
        assertThrows(IllegalStateException.class, () -> splitter.feed(ByteBuffer.allocate(1), line -> { }));
        assertThrows(IllegalStateException.class, splitter::finish);
    }

    @Test
    void feedingAfterFailureThrows() {
        var splitter = new LineSplitter(1);
        assertThrows(LimitExceededException.class,
                () -> splitter.feed(ByteBuffer.wrap("ab".getBytes(UTF_8)), line -> { }));
        assertThrows(IllegalStateException.class,
                () -> splitter.feed(ByteBuffer.wrap("\n".getBytes(UTF_8)), line -> { }));
        assertThrows(IllegalStateException.class, splitter::finish);
    }

    @Test
    void negativeLimitIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new LineSplitter(-1));
    }
}
