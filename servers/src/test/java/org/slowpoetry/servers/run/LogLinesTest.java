package org.slowpoetry.servers.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A daemon's standard streams as log lines: one log line per line of text, whatever flushes in between. */
class LogLinesTest {

    private final List<String> logged = new ArrayList<>();
    private final PrintStream stream = new PrintStream(new LogLines(logged::add), true, StandardCharsets.UTF_8);

    @Test
    void eachPrintedLineIsOneLogLineThoughThePrintStreamFlushesBeforeItsNewline() {
        stream.println("first");
        stream.print("sec");
        stream.print("ond\r\n");
        new IllegalStateException("boom").printStackTrace(stream);
        assertEquals("first", logged.get(0));
        assertEquals("second", logged.get(1));
        assertEquals("java.lang.IllegalStateException: boom", logged.get(2));
        assertEquals(true, logged.get(3).startsWith("\tat "), logged.get(3));
    }

    @Test
    void aLineWithoutANewlineIsLoggedInBoundedPieces() {
        stream.print("x".repeat(LogLines.MAX_LINE_BYTES * 2 + 5));
        assertEquals(List.of("x".repeat(LogLines.MAX_LINE_BYTES), "x".repeat(LogLines.MAX_LINE_BYTES)), logged);
        stream.println();
        assertEquals("xxxxx", logged.get(2));
    }

    @Test
    void lettersOutsideAsciiSurviveTheTrip() {
        stream.println("Ça, 詩 ✓");
        assertEquals(List.of("Ça, 詩 ✓"), logged);
    }
}
