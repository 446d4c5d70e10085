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
 * A client's stdout, captured so that a test may read it while the client is still printing.
 *
 * <p><b>Threading:</b> thread-safe: {@link ByteArrayOutputStream}'s methods are, and the
 * {@link PrintStream} is.
 */
final class Captured {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    /** A run printing here, with the system clock. */
    ClientRun run(GetOptions options, TaskListener listener) {
        return new ClientRun(out, MonotonicClock.system(), options, listener);
    }

    String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    List<String> lines() {
        return text().lines().toList();
    }
}
