package org.slowpoetry.clients;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.slowpoetry.time.MonotonicClock;

/**
 * One fetch by a style, called in-process as {@code get} calls it, with its stdout and stderr
 * captured and every task event heard, for the tests every style is held to.
 *
 * {@snippet :
 * CapturedRun capture = new CapturedRun();
 * List<TaskOutcome> outcomes = style.fetch(addresses, capture.run(options, TaskListener.none()));
 * assertEquals("", capture.err());
 * }
 *
 * <p><b>Threading:</b> the streams and the listener are thread-safe; read them once the fetch has
 * returned.
 */
final class CapturedRun {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    /** Every task event of the run. */
    final RecordingListener events = new RecordingListener();

    /** A run with {@code options} that prints here and tells {@link #events}, then {@code also}, every event. */
    ClientRun run(GetOptions options, TaskListener also) {
        return new ClientRun(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), MonotonicClock.system(), options,
                events.andThen(also));
    }

    /** What the style printed on stdout. */
    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What the style printed on stderr. */
    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
