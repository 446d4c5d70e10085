package org.slowpoetry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.LineDisciplineTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The two modes of {@link StatusLine}: plain lines where there is no terminal, a line redrawn in
 * place (with the terminal's own erase sequences) where there is one, here a virtual xterm.
 */
@Timeout(30)
class StatusLineTest {

    @Test
    void withoutATerminalEveryStatusIsALineOfItsOwn() {
        var text = new StringWriter();
        try (var status = StatusLine.plain(new PrintWriter(text))) {
            assertFalse(status.live());
            status.show("[1/2] fast");
            status.show("[2/2] slow");
            status.println("skipped: blocking");
            status.print("running...");
            status.println(" done");
        }
        assertEquals("[1/2] fast\n[2/2] slow\nskipped: blocking\nrunning... done\n", text.toString().replace("\r\n", "\n"));
    }

    @Test
    void onATerminalEachStatusErasesThePreviousOneOnTheSameLine() throws Exception {
        var screen = new ByteArrayOutputStream();
        try (var status = StatusLine.live(xterm(screen))) {
            assertTrue(status.live());
            status.show("[1/2] fast");
            status.show("[2/2] slow");
        }
        String erase = "\r\u001b[K";
        assertEquals(erase + "[1/2] fast" + erase + "[2/2] slow" + erase, screen.toString(StandardCharsets.UTF_8));
    }

    @Test
    void onATerminalALineThatStaysErasesTheStatusFirst() throws Exception {
        var screen = new ByteArrayOutputStream();
        try (var status = StatusLine.live(xterm(screen))) {
            status.show("[1/2] fast");
            status.println("skipped: blocking");
            status.println("done");
        }
        String written = screen.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
        assertEquals("\r\u001b[K[1/2] fast\r\u001b[Kskipped: blocking\ndone\n", written);
    }

    @Test
    void aClosedStatusLineRefusesToShowMore() {
        var status = StatusLine.plain(new PrintWriter(new StringWriter()));
        status.close();
        status.close(); // idempotent
        assertThrows(IllegalStateException.class, () -> status.show("late"));
    }

    /** A virtual xterm whose output lands in {@code screen}, written synchronously (no input, no pump thread). */
    private static Terminal xterm(ByteArrayOutputStream screen) throws Exception {
        return new LineDisciplineTerminal("test", "xterm", screen, StandardCharsets.UTF_8);
    }
}
