package org.slowpoetry.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.protocol.PoemFraming;

/** {@link PoemDownload} with {@link PoemFraming#NETSTRING}: Part 12's exercise 6, client side. */
class FramedPoemDownloadTest {
    private static final Address ADDRESS = Address.parse("10000");
    private static final FetchSettings FRAMED = FetchSettings.defaults().withFraming(PoemFraming.NETSTRING);

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static PoemDownload reading(FetchSettings settings) {
        var download = new PoemDownload(ADDRESS, settings);
        download.connected();
        return download;
    }

    @Test
    void aWholeNetstringSplitAnywhereIsThePoemWithoutItsFrame() {
        var download = reading(FRAMED);
        for (String piece : new String[] {"1", "3:roses ", "are", " red", ","}) {
            assertTrue(download.append(bytes(piece)).isEmpty(), piece);
        }

        var poem = assertInstanceOf(PoemResult.Poem.class, download.end());
        assertArrayEquals("roses are red".getBytes(StandardCharsets.US_ASCII), poem.poem());
        assertEquals(17, download.received(), "the frame's bytes are counted as received");
    }

    @Test
    void aCloseBeforeTheCommaIsAPoemCutShort() {
        for (String cut : new String[] {"13", "13:roses", "13:roses are red"}) {
            var download = reading(FRAMED);
            download.append(bytes(cut));

            var failed = assertInstanceOf(PoemResult.Failed.class, download.end(), cut);
            assertEquals(new FetchFailure.Truncated(ADDRESS, cut.length()), failed.failure());
        }
    }

    @Test
    void aCloseBeforeAnyByteIsStillNoPoem() {
        var failed = assertInstanceOf(PoemResult.Failed.class, reading(FRAMED).end());
        assertEquals(new FetchFailure.NoPoem(ADDRESS), failed.failure());
    }

    @Test
    void aLengthPastTheLimitIsTooLongBeforeThePayloadArrives() {
        var download = reading(FRAMED.withMaxPoemBytes(8));

        var failed = download.append(bytes("9")).orElseThrow();
        assertEquals(new FetchFailure.TooLong(ADDRESS, 0, 8), failed.failure());
        assertEquals(PoemDownload.State.ENDED, download.state());
    }

    @Test
    void aMalformedFrameIsABadPoem() {
        var failed = reading(FRAMED).append(bytes("roses are red")).orElseThrow();
        assertInstanceOf(FetchFailure.BadPoem.class, failed.failure());
    }

    @Test
    void aByteAfterTheNetstringIsABadPoemInTheSameChunkOrALaterOne() {
        var sameChunk = reading(FRAMED).append(bytes("3:abc,1")).orElseThrow();
        assertInstanceOf(FetchFailure.BadPoem.class, sameChunk.failure());

        var later = reading(FRAMED);
        assertTrue(later.append(bytes("3:abc,")).isEmpty());
        var failed = later.append(bytes("x")).orElseThrow();
        assertEquals(new FetchFailure.BadPoem(ADDRESS, 6, "bytes after the poem's netstring"), failed.failure());
    }

    @Test
    void aLostConnectionCountsTheFrameBytesAndKeepsNoHalfPoem() {
        var download = reading(FRAMED);
        download.append(bytes("13:roses"));

        var failed = download.failed(new SocketException("Connection reset"));
        assertEquals(new FetchFailure.Lost(ADDRESS, 8, "Connection reset"), failed.failure());
        assertEquals(0, failed.partial().length, "a poem whose frame is not complete is not handed on");
    }
}
