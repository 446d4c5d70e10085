package org.slowpoetry.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slowpoetry.protocol.Address;

class PoemDownloadTest {
    private static final Address ADDRESS = Address.parse("10000");
    private static final FetchSettings SETTINGS = FetchSettings.defaults().withTimeout(Duration.ofSeconds(2));

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void anOrderlyCloseAfterSomeBytesIsThePoem() {
        var download = new PoemDownload(ADDRESS, SETTINGS);
        download.connected();
        assertTrue(download.append(bytes("roses ")).isEmpty());
        assertTrue(download.append(bytes("are red")).isEmpty());

        var poem = assertInstanceOf(PoemResult.Poem.class, download.end());
        assertArrayEquals("roses are red".getBytes(StandardCharsets.US_ASCII), poem.poem());
        assertEquals(PoemDownload.State.ENDED, download.state());
    }

    @Test
    void aCloseBeforeAnyByteIsNoPoem() {
        var download = new PoemDownload(ADDRESS, SETTINGS);
        download.connected();

        var failed = assertInstanceOf(PoemResult.Failed.class, download.end());
        assertEquals(new FetchFailure.NoPoem(ADDRESS), failed.failure());
    }

    @Test
    void aChunkPastTheLimitFailsBeforeItIsKept() {
        var download = new PoemDownload(ADDRESS, SETTINGS.withMaxPoemBytes(8));
        download.connected();
        assertTrue(download.append(bytes("12345")).isEmpty());

        var failed = download.append(bytes("6789")).orElseThrow();
        assertEquals(new FetchFailure.TooLong(ADDRESS, 5, 8), failed.failure());
        assertEquals(0, failed.partial().length, "what passed the limit is not handed on");
        assertEquals(PoemDownload.State.ENDED, download.state());
    }

    @Test
    void anExceptionBeforeTheConnectIsAConnectFailure() {
        assertEquals(new FetchFailure.Refused(ADDRESS),
                new PoemDownload(ADDRESS, SETTINGS).failed(new ConnectException("Connection refused")).failure());
        assertEquals(new FetchFailure.UnknownHost(ADDRESS),
                new PoemDownload(ADDRESS, SETTINGS).failed(new UnknownHostException("x")).failure());
        assertEquals(new FetchFailure.TimedOut(ADDRESS, false, 0, Duration.ofSeconds(2)),
                new PoemDownload(ADDRESS, SETTINGS).failed(new SocketTimeoutException("connect timed out")).failure());
        assertEquals(new FetchFailure.CannotConnect(ADDRESS, "Network is unreachable"),
                new PoemDownload(ADDRESS, SETTINGS).failed(new SocketException("Network is unreachable")).failure());
    }

    @Test
    void anExceptionWhileReadingIsALostConnectionWithTheBytesSoFar() {
        var download = new PoemDownload(ADDRESS, SETTINGS);
        download.connected();
        download.append(bytes("half a po"));

        var failed = download.failed(new SocketException("Connection reset"));
        assertEquals(new FetchFailure.Lost(ADDRESS, 9, "Connection reset"), failed.failure());
        assertArrayEquals("half a po".getBytes(StandardCharsets.US_ASCII), failed.partial());
    }

    @Test
    void aTimeoutSaysWhetherTheConnectHadCompleted() {
        assertEquals(new FetchFailure.TimedOut(ADDRESS, false, 0, Duration.ofSeconds(2)),
                new PoemDownload(ADDRESS, SETTINGS).timedOut().failure());
        var reading = new PoemDownload(ADDRESS, SETTINGS);
        reading.connected();
        reading.append(bytes("abc"));
        assertEquals(new FetchFailure.TimedOut(ADDRESS, true, 3, Duration.ofSeconds(2)), reading.timedOut().failure());
    }

    @Test
    void aDownloadEndsOnceAndMisuseThrows() {
        var download = new PoemDownload(ADDRESS, SETTINGS);
        assertThrows(IllegalStateException.class, () -> download.append(bytes("x")), "bytes before the connect");
        assertThrows(IllegalStateException.class, download::end, "an end before the connect");
        download.connected();
        assertThrows(IllegalStateException.class, download::connected, "a second connect");
        download.append(bytes("x"));
        download.end();
        assertThrows(IllegalStateException.class, download::end);
        assertThrows(IllegalStateException.class, download::timedOut);
        assertThrows(IllegalStateException.class, () -> download.failed(new SocketException("late")));
    }

    @Test
    void aGiveUpCarriesTheLastFailure() {
        var last = new FetchFailure.Lost(ADDRESS, 7, "Connection reset");
        var gaveUp = new FetchFailure.GaveUp(2, last);
        assertEquals(ADDRESS, gaveUp.address());
        assertEquals(7, gaveUp.received());
        assertThrows(IllegalArgumentException.class, () -> new FetchFailure.GaveUp(0, last));
    }

    @Test
    void settingsRejectAnUnboundedOrEmptyLimit() {
        assertThrows(IllegalArgumentException.class, () -> SETTINGS.withTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> SETTINGS.withTimeout(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> SETTINGS.withMaxPoemBytes(0));
        assertEquals(1, SETTINGS.withTimeout(Duration.ofNanos(1)).timeoutMillis(), "a socket timeout of 0 means forever");
    }
}
