package org.slowpoetry.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slowpoetry.fetch.FetchFailure;
import org.slowpoetry.protocol.Address;

/** The output lines, word for word as the text's programs print them, each on its stream. */
class PoetryLinesTest {
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
    void blockingClientLinesMatchPart2() {
        lines.getting(1, address);
        lines.gotPoem(1, 3003, address, Duration.ofSeconds(10).plusNanos(126_361_000));
        lines.summary(List.of(fetched(1), fetched(2), fetched(3)), Duration.ofSeconds(23).plusNanos(65_661_000), true);
        assertEquals("""
                Task 1: get poetry from: 127.0.0.1:10000
                Task 1: got 3003 bytes of poetry from 127.0.0.1:10000 in 0:00:10.126361
                Got 3 poems in 0:00:23.065661
                """, out());
    }

    @Test
    void selectClientLinesMatchPart2AllOnStdout() {
        lines.gotChunk(1, 30, address);
        lines.gotChunk(1, 1, address);
        lines.finishedOrFailed(fetched(1));
        lines.poemSizes(List.of(fetched(1), failed(2)));
        assertEquals("""
                Task 1: got 30 bytes of poetry from 127.0.0.1:10000
                Task 1: got 1 byte of poetry from 127.0.0.1:10000
                Task 1 finished
                Task 1: 1 byte of poetry
                """, out());
        assertEquals("", err());
    }

    @Test
    void aFailedTaskIsOneLineOnStderrAndNoFinishedLine() {
        lines.finishedOrFailed(failed(2));
        assertEquals("Task 2: failed to connect to 127.0.0.1:10000: Connection refused\n", err());
        assertEquals("", out());
    }

    @Test
    void summaryCountsOnlyPoemsAndNamesTheFailuresOnTheStreamAsked() {
        lines.summary(List.of(fetched(1), failed(2)), Duration.ofSeconds(6), false);
        assertEquals("Got 1 poem in 0:00:06 (1 failed)\n", err());
        assertEquals("", out());
    }

    @Test
    void theOriginalsSummaryCountsThePoemsOnStdoutAndTheFailuresGoToStderr() {
        lines.summary(List.of(fetched(1), failed(2)), Duration.ofSeconds(6), true);
        assertEquals("Got 1 poem in 0:00:06\n", out());
        assertEquals("1 of 2 poems failed\n", err());
    }

    @Test
    void failureReasonsAreOneLineInTheSystemsWords() {
        assertEquals("failed to connect to 127.0.0.1:10000: Connection refused",
                PoetryLines.reason(new FetchFailure.Refused(address)));
        Address nowhere = Address.parse("nowhere.invalid:1");
        assertEquals("failed to connect to nowhere.invalid:1: unknown host 'nowhere.invalid'",
                PoetryLines.reason(new FetchFailure.UnknownHost(nowhere)));
        assertEquals("lost connection to 127.0.0.1:10000 after 120 bytes: Connection reset",
                PoetryLines.reason(new FetchFailure.Lost(address, 120, "Connection reset")));
        assertEquals("lost connection to 127.0.0.1:10000 after 1 byte: IOException",
                PoetryLines.reason(new FetchFailure.Lost(address, 1, "IOException")));
    }

    @Test
    void printedPoemsEndWithANewline() {
        var poem = new TaskOutcome.Fetched(1, address, "no newline".getBytes(StandardCharsets.UTF_8), Duration.ZERO);
        lines.poems(List.of(poem, failed(2)));
        assertEquals("no newline\n", out());
    }

    private TaskOutcome fetched(int task) {
        return new TaskOutcome.Fetched(task, address, new byte[] {'x'}, Duration.ZERO);
    }

    private TaskOutcome failed(int task) {
        return new TaskOutcome.Failed(task, address, new FetchFailure.Refused(address), "part".getBytes(), Duration.ZERO);
    }
}
