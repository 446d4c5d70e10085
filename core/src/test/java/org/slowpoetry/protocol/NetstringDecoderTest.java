package org.slowpoetry.protocol;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.slowpoetry.protocol.NetstringException.Problem.EMPTY_LENGTH;
import static org.slowpoetry.protocol.NetstringException.Problem.LEADING_ZERO;
import static org.slowpoetry.protocol.NetstringException.Problem.MISSING_COLON;
import static org.slowpoetry.protocol.NetstringException.Problem.MISSING_COMMA;
import static org.slowpoetry.protocol.NetstringException.Problem.NON_DIGIT_LENGTH;
import static org.slowpoetry.protocol.NetstringException.Problem.TOO_LONG;
import static org.slowpoetry.protocol.NetstringException.Problem.TRUNCATED;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slowpoetry.protocol.NetstringDecoder.State;
import org.slowpoetry.protocol.NetstringException.Problem;

class NetstringDecoderTest {

    /** Feeds the chunks in order and returns the payloads as text (ISO-8859-1: one char per byte). */
    private static List<String> decode(NetstringDecoder decoder, List<byte[]> chunks) {
        var payloads = new ArrayList<String>();
        for (byte[] chunk : chunks) {
            decoder.feed(ByteBuffer.wrap(chunk), payload -> payloads.add(new String(payload, ISO_8859_1)));
        }
        return payloads;
    }

    private static List<String> decode(String stream) {
        var decoder = new NetstringDecoder();
        var payloads = decode(decoder, List.of(bytes(stream)));
        decoder.finish();
        return payloads;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(ISO_8859_1);
    }

    // ---- valid streams -------------------------------------------------------------------------

    @Test
    void oneNetstringYieldsItsPayload() {
        assertEquals(List.of("hello"), decode("5:hello,"));
    }

    @Test
    void zeroLengthNetstringYieldsEmptyPayload() {
        assertEquals(List.of(""), decode("0:,"));
    }

    @Test
    void severalNetstringsInOneChunkYieldEachPayloadInOrder() {
        assertEquals(List.of("abc", "", "hello", "x"), decode("3:abc,0:,5:hello,1:x,"));
    }

    @Test
    void payloadMayContainDigitsColonsAndCommas() {
        assertEquals(List.of("1:,", ",,,,"), decode("3:1:,,4:,,,,,"));
    }

    @Test
    void payloadMayContainEveryByteValue() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        var got = new ArrayList<byte[]>();
        var decoder = new NetstringDecoder();
        decoder.feed(ByteBuffer.wrap(NetstringEncoder.encode(all)), got::add);
        assertEquals(1, got.size());
        assertArrayEquals(all, got.getFirst());
    }

    @Test
    void emptyStreamFinishesCleanly() {
        var decoder = new NetstringDecoder();
        decoder.finish();
        assertEquals(State.FINISHED, decoder.state());
    }

    @Test
    void sameNetstringsComeOutWhereverTheStreamIsSplit() {
        byte[] stream = bytes("3:abc,0:,12:hello, world,1:,,");
        var expected = List.of("abc", "", "hello, world", ",");
        var ways = new ArrayList<>(Chunks.everySplit(stream));
        ways.addAll(Chunks.everyTwoCuts(stream));
        for (List<byte[]> chunks : ways) {
            var decoder = new NetstringDecoder();
            assertEquals(expected, decode(decoder, chunks), Chunks.describe(chunks));
            decoder.finish();
        }
    }

    @Test
    void payloadIsDeliveredOnlyWhenItsCommaArrives() {
        var decoder = new NetstringDecoder();
        assertEquals(List.of(), decode(decoder, List.of(bytes("5:hel"))));
        assertEquals(State.READING_PAYLOAD, decoder.state());
        assertEquals(List.of(), decode(decoder, List.of(bytes("lo"))));
        assertEquals(State.EXPECTING_COMMA, decoder.state());
        assertEquals(List.of("hello"), decode(decoder, List.of(bytes(","))));
        assertEquals(State.READING_LENGTH, decoder.state());
        assertEquals(8, decoder.offset());
    }

    @Test
    void payloadSpanningManySmallChunksArrivesWhole() {
        byte[] poem = new byte[100_000];
        for (int i = 0; i < poem.length; i++) {
            poem[i] = (byte) ('a' + i % 26);
        }
        var got = new ArrayList<byte[]>();
        var decoder = new NetstringDecoder();
        for (byte[] chunk : Chunks.ofSize(NetstringEncoder.encode(poem), 1000)) {
            decoder.feed(chunk, 0, chunk.length, got::add);
        }
        decoder.finish();
        assertEquals(1, got.size());
        assertArrayEquals(poem, got.getFirst());
    }

    @Test
    void byteArrayFeedReadsOnlyTheGivenSlice() {
        byte[] framed = bytes("xx5:hello,yy");
        var got = new ArrayList<String>();
        new NetstringDecoder().feed(framed, 2, 8, p -> got.add(new String(p, ISO_8859_1)));
        assertEquals(List.of("hello"), got);
    }

    @Test
    void feedConsumesTheWholeChunk() {
        var chunk = ByteBuffer.wrap(bytes("5:hello,3:ab"));
        new NetstringDecoder().feed(chunk, p -> { });
        assertEquals(chunk.limit(), chunk.position());
    }

    // ---- the length limit ----------------------------------------------------------------------

    @Test
    void lengthExactlyAtTheLimitIsAccepted() {
        var decoder = new NetstringDecoder(5);
        assertEquals(List.of("hello"), decode(decoder, List.of(bytes("5:hello,"))));
    }

    @Test
    void lengthOneOverTheLimitIsRejectedBeforeTheColon() {
        var decoder = new NetstringDecoder(5);
        var e = assertThrows(NetstringException.class, () -> decode(decoder, List.of(bytes("6"))));
        assertEquals(TOO_LONG, e.problem());
        assertEquals(0, e.offset());
        assertEquals("netstring length '6' exceeds the limit of 5 bytes at offset 0", e.getMessage());
    }

    @Test
    void defaultLimitIsOneMebibyte() {
        assertEquals(1 << 20, new NetstringDecoder().maxLength());
        var payload = new byte[1 << 20];
        var got = new ArrayList<byte[]>();
        new NetstringDecoder().feed(ByteBuffer.wrap(NetstringEncoder.encode(payload)), got::add);
        assertEquals(1 << 20, got.getFirst().length);

        var e = assertThrows(NetstringException.class, () -> decode("1048577:"));
        assertEquals(TOO_LONG, e.problem());
        assertEquals(6, e.offset());
    }

    @Test
    void hugeLengthIsRejectedAsSoonAsItsDigitsExceedTheLimit() {
        // 20 nines would overflow a long; the decoder stops at the first digit that passes 1 MiB.
        var e = assertThrows(NetstringException.class, () -> decode("99999999999999999999:"));
        assertEquals(TOO_LONG, e.problem());
        assertEquals(6, e.offset());
        assertTrue(e.getMessage().contains("'9999999'"), e.getMessage());
    }

    @Test
    void limitCloseToIntMaxDoesNotOverflow() {
        var decoder = new NetstringDecoder(Integer.MAX_VALUE);
        var e = assertThrows(NetstringException.class,
                () -> decode(decoder, List.of(bytes("2147483648:"))));
        assertEquals(TOO_LONG, e.problem());
        assertEquals(9, e.offset());
    }

    // ---- malformed streams ---------------------------------------------------------------------

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("x:abc,", NON_DIGIT_LENGTH, 0,
                        "netstring length must start with a digit, got 'x' at offset 0"),
                Arguments.of("3:abc,-1:a,", NON_DIGIT_LENGTH, 6,
                        "netstring length must start with a digit, got '-' at offset 6"),
                Arguments.of(" 3:abc,", NON_DIGIT_LENGTH, 0,
                        "netstring length must start with a digit, got ' ' at offset 0"),
                Arguments.of("05:hello,", LEADING_ZERO, 1,
                        "netstring length has a leading zero: '0' followed by '5' at offset 1"),
                Arguments.of("00:,", LEADING_ZERO, 1,
                        "netstring length has a leading zero: '0' followed by '0' at offset 1"),
                Arguments.of(":abc,", EMPTY_LENGTH, 0,
                        "netstring length is empty: ':' comes first at offset 0"),
                Arguments.of("0:,:", EMPTY_LENGTH, 3,
                        "netstring length is empty: ':' comes first at offset 3"),
                Arguments.of("5hello,", MISSING_COLON, 1,
                        "expected ':' after netstring length '5', got 'h' at offset 1"),
                Arguments.of("12,", MISSING_COLON, 2,
                        "expected ':' after netstring length '12', got ',' at offset 2"),
                Arguments.of("0x", MISSING_COLON, 1,
                        "expected ':' after netstring length '0', got 'x' at offset 1"),
                Arguments.of("3:abcd", MISSING_COMMA, 5,
                        "expected ',' after a 3-byte netstring payload, got 'd' at offset 5"),
                Arguments.of("3:abc\n", MISSING_COMMA, 5,
                        "expected ',' after a 3-byte netstring payload, got 0x0a at offset 5"),
                Arguments.of("0:;", MISSING_COMMA, 2,
                        "expected ',' after a 0-byte netstring payload, got ';' at offset 2"),
                Arguments.of("1048577:", TOO_LONG, 6,
                        "netstring length '1048577' exceeds the limit of 1048576 bytes at offset 6"));
    }

    @ParameterizedTest(name = "{0} -> {1} at {2}")
    @MethodSource("malformed")
    void malformedStreamFailsNamingTheProblemAndOffset(String stream, Problem problem, long offset,
            String message) {
        var e = assertThrows(NetstringException.class, () -> decode(stream));
        assertEquals(problem, e.problem());
        assertEquals(offset, e.offset());
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1} at {2}")
    @MethodSource("malformed")
    void malformedStreamFailsAtTheSameOffsetWhenFedByteByByte(String stream, Problem problem,
            long offset, String message) {
        var decoder = new NetstringDecoder();
        var e = assertThrows(NetstringException.class,
                () -> decode(decoder, Chunks.singleBytes(bytes(stream))));
        assertEquals(problem, e.problem());
        assertEquals(offset, e.offset());
        assertEquals(State.FAILED, decoder.state());
    }

    @Test
    void payloadsBeforeTheErrorAreStillDelivered() {
        var got = new ArrayList<String>();
        var decoder = new NetstringDecoder();
        assertThrows(NetstringException.class, () -> decoder.feed(ByteBuffer.wrap(bytes("1:a,1:b,x")),
                p -> got.add(new String(p, ISO_8859_1))));
        assertEquals(List.of("a", "b"), got);
    }

    @Test
    void chunkPositionIsJustPastTheOffendingByte() {
        var chunk = ByteBuffer.wrap(bytes("1:a,x:junk"));
        assertThrows(NetstringException.class, () -> new NetstringDecoder().feed(chunk, p -> { }));
        assertEquals(5, chunk.position());
    }

    // ---- end of stream -------------------------------------------------------------------------

    static Stream<Arguments> cutShort() {
        return Stream.of(
                Arguments.of("1", "stream ended inside a netstring length '1' at offset 1"),
                Arguments.of("3:abc,12", "stream ended inside a netstring length '12' at offset 8"),
                Arguments.of("5:", "stream ended inside a netstring: 0 of 5 payload bytes received at offset 2"),
                Arguments.of("5:hel", "stream ended inside a netstring: 3 of 5 payload bytes received at offset 5"),
                Arguments.of("5:hello", "stream ended before the ',' closing a 5-byte netstring at offset 7"),
                Arguments.of("0:", "stream ended before the ',' closing a 0-byte netstring at offset 2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cutShort")
    void streamEndingInsideANetstringIsReportedAsTruncated(String stream, String message) {
        var decoder = new NetstringDecoder();
        decode(decoder, List.of(bytes(stream)));
        var e = assertThrows(NetstringException.class, decoder::finish);
        assertEquals(TRUNCATED, e.problem());
        assertEquals(stream.length(), e.offset());
        assertEquals(message, e.getMessage());
        assertEquals(State.FAILED, decoder.state());
    }

    // ---- misuse --------------------------------------------------------------------------------

    @Test
    void feedingAfterFailureThrowsWithTheFailureAsCause() {
        var decoder = new NetstringDecoder();
        var failure = assertThrows(NetstringException.class, () -> decode(decoder, List.of(bytes("x"))));
        var e = assertThrows(IllegalStateException.class, () -> decode(decoder, List.of(bytes("1:a,"))));
        assertSame(failure, e.getCause());
        assertThrows(IllegalStateException.class, decoder::finish);
        assertEquals(State.FAILED, decoder.state());
    }

    @Test
    void feedingAfterFinishThrows() {
        var decoder = new NetstringDecoder();
        decode(decoder, List.of(bytes("1:a,")));
        decoder.finish();
        assertThrows(IllegalStateException.class, () -> decode(decoder, List.of(bytes("1:b,"))));
        assertThrows(IllegalStateException.class, decoder::finish);
    }

    @Test
    void feedingAfterFailureThrowsEvenAnEmptyChunk() {
        var decoder = new NetstringDecoder();
        assertThrows(NetstringException.class, () -> decode(decoder, List.of(bytes(":"))));
        assertThrows(IllegalStateException.class, () -> decoder.feed(ByteBuffer.allocate(0), p -> { }));
    }

    @Test
    void sinkThatThrowsLeavesTheDecoderReadyForTheRest() {
        var decoder = new NetstringDecoder();
        var chunk = ByteBuffer.wrap(bytes("1:a,1:b,"));
        assertThrows(IllegalArgumentException.class, () -> decoder.feed(chunk, p -> {
            throw new IllegalArgumentException("sink refuses");
        }));
        assertEquals(4, chunk.position());
        assertEquals(State.READING_LENGTH, decoder.state());
        var got = new ArrayList<String>();
        decoder.feed(chunk, p -> got.add(new String(p, ISO_8859_1)));
        assertEquals(List.of("b"), got);
    }

    @Test
    void negativeLimitIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new NetstringDecoder(-1));
    }
}
