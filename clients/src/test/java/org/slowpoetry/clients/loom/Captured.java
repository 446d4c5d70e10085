package org.slowpoetry.clients.loom;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.GetOptions;
import org.slowpoetry.clients.TaskListener;
import org.slowpoetry.time.MonotonicClock;

/**
 * A client's stdout and stderr, captured so that a test may read them while the client is still
 * printing.
 *
 * <p><b>Threading:</b> thread-safe: {@link ByteArrayOutputStream}'s methods are, and the
 * {@link PrintStream}s are.
 */
final class Captured {
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    /** A run printing here, with the system clock. */
    ClientRun run(GetOptions options, TaskListener listener) {
        return new ClientRun(new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8), MonotonicClock.system(), options, listener);
    }

    /** stdout so far. */
    String text() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    /** stdout's lines so far. */
    List<String> lines() {
        return text().lines().toList();
    }

    /** stderr so far. */
    String errText() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    /** stderr's lines so far. */
    List<String> errLines() {
        return errText().lines().toList();
    }
}
