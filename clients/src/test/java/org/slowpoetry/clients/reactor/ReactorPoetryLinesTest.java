package org.slowpoetry.clients.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.defer.Failure;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.transform.GibberishException;

/** The reactor clients' lines, word for word, in the one place lines are worded. */
@Timeout(10)
class ReactorPoetryLinesTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PoetryLines lines = new PoetryLines(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    private final Address address = Address.parse("10004");

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void clientsTwoPointOhAndTwoPointOneSayWhichServerTheyCouldNotReach() {
        lines.failedToConnect(address);
        lines.poemFailed("lost connection to 127.0.0.1:10004 after 120 bytes: Connection reset");
        assertEquals("""
                Failed to connect to: 127.0.0.1:10004
                Poem failed: lost connection to 127.0.0.1:10004 after 120 bytes: Connection reset
                """, printed());
    }

    @Test
    void theCallbackClientsSayWhatTheirCallbacksKnow() {
        lines.noPoem(address);
        lines.poemFailed(Failure.of(new ConnectException("Connection refused")), address);
        assertEquals("""
                No poem from 127.0.0.1:10004 (the callback was given null; client 3.0 cannot tell why)
                Poem failed: [Failure instance: java.net.ConnectException: Connection refused] (127.0.0.1:10004)
                """, printed());
    }

    @Test
    void theTransformingClientsPrintTheTextsLines() {
        lines.downloadFailed();
        lines.cummingsifyFailed();
        lines.downloadFailed(new IOException("Connection refused"), address);
        assertEquals("""
                The poem download failed.
                Cummingsify failed!
                The poem download failed: Connection refused (127.0.0.1:10004)
                """, printed());
    }

    @Test
    void theCallStackIsPrintedOutermostFirst() {
        lines.callStack("the first dataReceived", new StackTraceElement[] {
            new StackTraceElement("Proto", "dataReceived", "Proto.java", 2),
            new StackTraceElement("Reactor", "run", "Reactor.java", 1)});
        assertEquals(String.join(System.lineSeparator(), "Call stack at the first dataReceived, outermost call first:",
                "  Reactor.run(Reactor.java:1)", "  Proto.dataReceived(Proto.java:2)") + System.lineSeparator(), printed());
    }

    @Test
    void reasonsForATimeoutAndARejectedPoemAreOneLine() {
        assertEquals("timed out after 0.5 s with 40 bytes from 127.0.0.1:10004",
                PoetryLines.timedOut(address, 40, Duration.ofMillis(500)));
        assertEquals("timed out after 2 s with 1 byte from 127.0.0.1:10004",
                PoetryLines.timedOut(address, 1, Duration.ofSeconds(2)));
        assertEquals("poem from 127.0.0.1:10004 failed: the input is not a genuine poem",
                PoetryLines.rejected(address, new GibberishException()));
    }
}
