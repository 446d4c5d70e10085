package org.slowpoetry.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slowpoetry.protocol.Address;

/** The output lines, word for word as the text's programs print them. */
class PoetryLinesTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PoetryLines lines = new PoetryLines(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    private final Address address = Address.parse("10000");

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void blockingClientLinesMatchPart2() {
        lines.getting(1, address);
        lines.gotPoem(1, 3003, address, Duration.ofSeconds(10).plusNanos(126_361_000));
        lines.summary(List.of(fetched(1), fetched(2), fetched(3)), Duration.ofSeconds(23).plusNanos(65_661_000));
        assertEquals("""
                Task 1: get poetry from: 127.0.0.1:10000
                Task 1: got 3003 bytes of poetry from 127.0.0.1:10000 in 0:00:10.126361
                Got 3 poems in 0:00:23.065661
                """, printed());
    }

    @Test
    void selectClientLinesMatchPart2() {
        lines.gotChunk(1, 30, address);
        lines.gotChunk(1, 1, address);
        lines.poemSize(1, 3003);
        assertEquals("""
                Task 1: got 30 bytes of poetry from 127.0.0.1:10000
                Task 1: got 1 byte of poetry from 127.0.0.1:10000
                Task 1: 3003 bytes of poetry
                """, printed());
    }

    @Test
    void summaryCountsOnlyPoemsAndNamesTheFailures() {
        var failed = new TaskOutcome.Failed(2, address, "x", new byte[0], Duration.ZERO);
        lines.summary(List.of(fetched(1), failed), Duration.ofSeconds(6));
        assertEquals("Got 1 poem in 0:00:06 (1 failed)\n", printed());
    }

    @Test
    void failureReasonsAreOneLineInTheSystemsWords() {
        assertEquals("failed to connect to 127.0.0.1:10000: Connection refused",
                PoetryLines.cannotConnect(address, new ConnectException("Connection refused")));
        assertEquals("failed to connect to nowhere.invalid:1: unknown host 'nowhere.invalid'",
                PoetryLines.cannotConnect(Address.parse("nowhere.invalid:1"), new UnknownHostException("nowhere.invalid")));
        assertEquals("failed to connect to 127.0.0.1:10000: unknown host",
                PoetryLines.cannotConnect(address, new UnresolvedAddressException()));
        assertEquals("lost connection to 127.0.0.1:10000 after 120 bytes: Connection reset",
                PoetryLines.connectionLost(address, 120, new SocketException("Connection reset")));
        assertEquals("lost connection to 127.0.0.1:10000 after 1 byte: IOException",
                PoetryLines.connectionLost(address, 1, new IOException()));
        assertEquals("two", PoetryLines.describe(new IOException("two\nlines")), "only the first line of a message");
    }

    @Test
    void printedPoemsEndWithANewline() {
        var poem = new TaskOutcome.Fetched(1, address, "no newline".getBytes(StandardCharsets.UTF_8), Duration.ZERO);
        lines.poems(List.of(poem, new TaskOutcome.Failed(2, address, "x", "part".getBytes(), Duration.ZERO)));
        assertEquals("no newline\n", printed());
    }

    private TaskOutcome fetched(int task) {
        return new TaskOutcome.Fetched(task, address, new byte[] {'x'}, Duration.ZERO);
    }
}
