package org.slowpoetry.testing;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.tinylog.core.LogEntry;
import org.tinylog.core.LogEntryValue;
import org.tinylog.writers.Writer;

/**
 * The log lines of the test JVM, kept in memory so that a test can check what the code under test
 * logged: a tinylog writer, enabled by the tests' {@code tinylog-test.properties}
 * ({@code writer2 = org.slowpoetry.testing.CapturedLog}, at info and above). Each line is
 * {@code LEVEL message}: {@code INFO tcp-10000 listening on 127.0.0.1:10000}.
 *
 * {@snippet :
 * long mark = CapturedLog.mark();
 * service.start();
 * assertTrue(CapturedLog.since(mark).contains("INFO poetry listening on 127.0.0.1:" + port));
 * }
 *
 * <p>Only the last {@link #KEPT} lines are kept, so a long test run cannot fill the heap; a mark
 * taken before them sees only those left. Tests run one at a time in a JVM (surefire's default), so
 * the lines after a test's mark are that test's, and those of threads it left running.
 *
 * <p><b>Threading:</b> tinylog calls {@link #write} on the thread that logs (the configuration has
 * no writing thread), so a line is here when the log call returns. The static methods are safe from
 * any thread; the lines are guarded by {@code LINES}.
 */
public final class CapturedLog implements Writer {

    /** How many of the latest lines are kept. */
    public static final int KEPT = 10_000;

    /** The latest lines; guarded by itself. */
    private static final ArrayDeque<String> LINES = new ArrayDeque<>();
    /** Lines written since the JVM started, kept or not; guarded by {@code LINES}. */
    private static long written;
    /** Set when tinylog makes the writer (its configuration names it). */
    private static volatile boolean installed;

    /** Made by tinylog, with the writer's properties (none are read). */
    public CapturedLog(Map<String, String> properties) {
        installed = true;
    }

    /** A mark for {@link #since}: the number of lines written so far. */
    public static long mark() {
        synchronized (LINES) {
            return written;
        }
    }

    /**
     * The lines written since {@code mark}, oldest first.
     *
     * @throws IllegalStateException if tinylog's configuration does not name this writer
     */
    public static List<String> since(long mark) {
        if (!installed) {
            throw new IllegalStateException("nothing is captured: the tests' tinylog-test.properties does not name "
                    + CapturedLog.class.getName() + " as a writer (or nothing has logged yet)");
        }
        synchronized (LINES) {
            long skip = Math.max(0, mark - (written - LINES.size()));
            return LINES.stream().skip(skip).toList();
        }
    }

    @Override
    public Collection<LogEntryValue> getRequiredLogEntryValues() {
        return EnumSet.of(LogEntryValue.LEVEL, LogEntryValue.MESSAGE);
    }

    @Override
    public void write(LogEntry entry) {
        String line = entry.getLevel() + " " + entry.getMessage();
        synchronized (LINES) {
            if (LINES.size() == KEPT) {
                LINES.removeFirst();
            }
            LINES.addLast(line);
            written++;
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
