package org.slowpoetry.clients.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.fetch.FetchFailure;
import org.slowpoetry.protocol.Address;

/** The reactor clients' lines, word for word and stream by stream, in the one place lines are worded. */
@Timeout(10)
class ReactorPoetryLinesTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PoetryLines lines = new PoetryLines(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    private final Address address = Address.parse("10004");
    private final FetchFailure refused = new FetchFailure.Refused(address);
    private final FetchFailure reset = new FetchFailure.Lost(address, 120, "Connection reset");

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void clientsTwoPointOhAndTwoPointOneSayWhichServerTheyCouldNotReachOnStdout() {
        lines.failedToConnect(address);
        lines.poemFailed(reset);
        assertEquals("Failed to connect to: 127.0.0.1:10004\n", out());
        assertEquals("Poem failed: lost connection to 127.0.0.1:10004 after 120 bytes: Connection reset\n", err());
    }

    @Test
    void clientOnePointOhSaysATaskFinishedOnStdout() {
        lines.taskFinished(2);
        assertEquals("Task 2 finished\n", out());
    }

    @Test
    void theCallbackClientsSayWhatTheirCallbacksKnowOnStderr() {
        lines.noPoem(address);
        lines.poemFailed(refused);
        assertEquals("", out());
        assertEquals("""
                No poem from 127.0.0.1:10004 (the callback was given null; client 3.0 cannot tell why)
                Poem failed: failed to connect to 127.0.0.1:10004: Connection refused
                """, err());
    }

    @Test
    void theTransformingClientsPrintTheTextsLinesOnTheOriginalsStreams() {
        lines.downloadFailedOrRejected(refused);
        lines.cummingsifyFailed();
        lines.downloadFailed(refused);
        lines.cummingsifyFailedToStderr();
        assertEquals("Cummingsify failed!\n", out(), "5.0 and 5.1 print it on stdout");
        assertEquals("""
                The poem download failed: failed to connect to 127.0.0.1:10004: Connection refused
                The poem download failed: failed to connect to 127.0.0.1:10004: Connection refused
                Cummingsify failed!
                """, err());
    }

    @Test
    void aPoemRejectedAsGibberishIsNotCalledAFailedDownload() {
        lines.downloadFailedOrRejected(new FetchFailure.Rejected(address, 120, "the input is not a genuine poem"));
        assertEquals("", out());
        assertEquals("Cummingsify rejected the poem from 127.0.0.1:10004: the input is not a genuine poem\n", err());
    }

    @Test
    void theCallStackIsPrintedOutermostFirstOnStderr() {
        lines.callStack("the first dataReceived", new StackTraceElement[] {
            new StackTraceElement("Proto", "dataReceived", "Proto.java", 2),
            new StackTraceElement("Reactor", "run", "Reactor.java", 1)});
        assertEquals(String.join(System.lineSeparator(), "Call stack at the first dataReceived, outermost call first:",
                "  Reactor.run(Reactor.java:1)", "  Proto.dataReceived(Proto.java:2)") + System.lineSeparator(), err());
    }
}
