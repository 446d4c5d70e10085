package org.slowpoetry.clients.tour;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * An slf4j {@link org.slf4j.Logger} that writes to a stream in twistd's line shape, for the tour's
 * logging lesson (Part 16): what {@code log.startLogging(sys.stdout)} gives a Twisted program.
 * Every line of an entry, a stack trace's too, starts with the time and the context:
 * <pre>
 * 2026-12-07 21:04:05+0000 [-] This will be logged.
 * </pre>
 * The programs of slowpoetry log to slf4j's API and leave where the lines go to the backend the
 * program configures ({@code slowpoetry run} configures tinylog the same way); this logger is
 * that backend in miniature, so that the tour can show its lines in the example's output.
 *
 * <p><b>Threading:</b> safe from any thread: each entry is written with one {@code print} call.
 */
public final class PrintStreamLogger extends LegacyAbstractLogger {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssZ");

    private final transient PrintStream out;
    private final transient Clock clock;
    private final transient Supplier<String> context;

    /**
     * @param name    the logger's name
     * @param out     where the lines go
     * @param clock   the time of each line
     * @param context what goes between the brackets, asked for each line: twistd's {@code -}, or
     *                who is logging
     */
    public PrintStreamLogger(String name, PrintStream out, Clock clock, Supplier<String> context) {
        this.name = Objects.requireNonNull(name, "name");
        this.out = Objects.requireNonNull(out, "out");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern, Object[] arguments,
            Throwable throwable) {
        String prefix = ZonedDateTime.now(clock).format(TIME) + " [" + context.get() + "] ";
        var entry = new StringWriter();
        entry.append(MessageFormatter.basicArrayFormat(messagePattern, arguments)).append('\n');
        if (throwable != null) {
            throwable.printStackTrace(new PrintWriter(entry));
        }
        var lines = new StringBuilder();
        entry.toString().lines().forEach(line -> lines.append(prefix).append(line).append(System.lineSeparator()));
        out.print(lines);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return PrintStreamLogger.class.getName();
    }

    @Override
    public boolean isTraceEnabled() {
        return true;
    }

    @Override
    public boolean isDebugEnabled() {
        return true;
    }

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }
}
