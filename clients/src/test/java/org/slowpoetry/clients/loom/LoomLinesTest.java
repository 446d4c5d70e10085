package org.slowpoetry.clients.loom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.fetch.FetchFailure;
import org.slowpoetry.protocol.Address;

/** The lines the Loom clients added to {@link PoetryLines}, word for word, and their streams. */
class LoomLinesTest {
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PoetryLines lines = new PoetryLines(new PrintStream(outBytes, true, StandardCharsets.UTF_8),
            new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    private final Address address = Address.parse("10000");

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void supervisedDownloadsReportEachCrashAndTheGivingUpOnStderr() {
        var reset = new FetchFailure.Lost(address, 0, "Connection reset");
        lines.crashed(1, reset);
        lines.failed(1, new FetchFailure.GaveUp(2, reset));
        lines.failed(2, new FetchFailure.GaveUp(1, reset));
        assertEquals("""
                Task 1: crashed: lost connection to 127.0.0.1:10000 after 0 bytes: Connection reset
                Task 1: gave up after 2 retries: lost connection to 127.0.0.1:10000 after 0 bytes: Connection reset
                Task 2: gave up after 1 retry: lost connection to 127.0.0.1:10000 after 0 bytes: Connection reset
                """, err());
        assertEquals("", out());
    }

    @Test
    void aTimeoutSaysTheTimeoutAsTypedAndTheBytesThatArrived() {
        assertEquals("timed out after 2 s with 120 bytes from 127.0.0.1:10000",
                PoetryLines.reason(new FetchFailure.TimedOut(address, true, 120, Duration.ofSeconds(2))));
        assertEquals("timed out after 0.25 s with 1 byte from 127.0.0.1:10000",
                PoetryLines.reason(new FetchFailure.TimedOut(address, true, 1, Duration.ofMillis(250))));
    }

    @Test
    void timingIsTheBlockingClientsLineOnStderr() {
        lines.timing(1, 3003, address, Duration.ofSeconds(10).plusNanos(126_361_000));
        assertEquals("Task 1: got 3003 bytes of poetry from 127.0.0.1:10000 in 0:00:10.126361\n", err());
        assertEquals("", out());
    }

    @Test
    void poemTextEndsWithOneNewlineAndLinesGetTheirsOnStdout() {
        lines.poemText("no newline".getBytes(StandardCharsets.US_ASCII));
        lines.poemText("one newline\n".getBytes(StandardCharsets.US_ASCII));
        lines.poemLine("a line".getBytes(StandardCharsets.US_ASCII));
        lines.gotChunk(3, 42, "127.0.0.1:10002");
        assertEquals("no newline\none newline\n\na line\nTask 3: got 42 bytes of poetry from 127.0.0.1:10002\n", out());
        assertEquals("", err());
    }
}
