package org.slowpoetry.clients.loom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.protocol.LineSplitter;
import org.slowpoetry.protocol.LimitExceededException;

/** The lines the Loom clients added to {@link PoetryLines}, word for word. */
class LoomLinesTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PoetryLines lines = new PoetryLines(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    private final Address address = Address.parse("10000");

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void supervisedDownloadsReportEachCrashAndTheGivingUp() {
        String reset = PoetryLines.connectionLost(address, 0, new SocketException("Connection reset"));
        lines.crashed(1, reset);
        lines.failed(1, PoetryLines.gaveUp(2, reset));
        lines.failed(2, PoetryLines.gaveUp(1, reset));
        assertEquals("""
                Task 1: crashed: lost connection to 127.0.0.1:10000 after 0 bytes: Connection reset
                Task 1: gave up after 2 retries: lost connection to 127.0.0.1:10000 after 0 bytes: Connection reset
                Task 2: gave up after 1 retry: lost connection to 127.0.0.1:10000 after 0 bytes: Connection reset
                """, printed());
    }

    @Test
    void aTimeoutSaysTheDeadlineAsTypedAndTheBytesThatArrived() {
        assertEquals("timed out after 2 s with 120 bytes from 127.0.0.1:10000",
                PoetryLines.timedOut(address, 120, Duration.ofSeconds(2)));
        assertEquals("timed out after 0.25 s with 1 byte from 127.0.0.1:10000",
                PoetryLines.timedOut(address, 1, Duration.ofMillis(250)));
    }

    @Test
    void aLineTooLongIsABadPoem() {
        var tooLong = new LineSplitter(4);
        var e = assertThrows(LimitExceededException.class,
                () -> tooLong.feed("12345".getBytes(StandardCharsets.US_ASCII), 0, 5, line -> { }));
        assertEquals("bad poem from 127.0.0.1:10000: " + e.getMessage().strip().lines().findFirst().orElseThrow(),
                PoetryLines.badPoem(address, e));
    }

    @Test
    void poemTextEndsWithOneNewlineAndLinesGetTheirs() {
        lines.poemText("no newline".getBytes(StandardCharsets.US_ASCII));
        lines.poemText("one newline\n".getBytes(StandardCharsets.US_ASCII));
        lines.poemLine("a line".getBytes(StandardCharsets.US_ASCII));
        lines.gotChunk(3, 42, "127.0.0.1:10002");
        assertEquals("no newline\none newline\na line\nTask 3: got 42 bytes of poetry from 127.0.0.1:10002\n", printed());
    }
}
