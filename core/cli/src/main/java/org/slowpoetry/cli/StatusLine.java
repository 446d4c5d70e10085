package org.slowpoetry.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;
import org.jline.utils.InfoCmp.Capability;

/**
 * A status line on standard error: progress bars ({@code bench load}, {@code demo}) and live
 * lines ({@code serve --stats}). On a terminal, {@link #show} redraws one line in place, using the
 * terminal's own capabilities for "back to the start of the line" and "erase to its end", as
 * JLine reads them from terminfo; {@link #println} puts a line of its own above it. Anywhere else
 * (a pipe, a file, CI, a test) nothing is redrawn: {@link #show} prints its text as a line, and
 * the output is plain lines a log can keep.
 *
 * {@snippet :
 * try (StatusLine status = StatusLine.onStandardError()) {
 *     for (String step : steps) {
 *         status.show("[" + done + "/" + steps.size() + "] " + step);   // redrawn in place
 *         run(step);
 *     }
 *     status.println("done");                                           // clears it, then a line
 * }
 * }
 *
 * <p>Whether standard error is a terminal is JLine's answer (its FFM provider's
 * {@code isSystemStream}); a terminal is then built for it ({@link TerminalBuilder}), and one that
 * turns out dumb, or cannot erase to the end of a line, counts as no terminal. JLine logs through
 * {@code java.util.logging}; its logger is silenced here, so no warning of its own reaches the
 * user's stderr.
 *
 * <p><b>Threading:</b> thread-safe: every method holds one lock while it writes, so a line is
 * never interleaved with another of this object's. Callers that refresh often from many threads
 * may want to skip a refresh rather than wait (as the demo's progress does with its own lock).
 */
public final class StatusLine implements AutoCloseable {

    /* Implementation overview
     *
     * Two modes, fixed at construction: LIVE (a JLine system terminal; out is its writer) and
     * PLAIN (any PrintWriter; nothing is ever erased). In LIVE mode "shown" says whether the
     * cursor sits on a drawn status line, which println/clear must erase first. The erase is
     * carriage_return then clr_eol, as the terminal's terminfo entry spells them.
     */

    /** Held strongly: java.util.logging keeps loggers weakly, and a collected one forgets its level. */
    private static final Logger JLINE_LOG = Logger.getLogger("org.jline");

    /** JLine's terminal provider through the FFM API (Java 22+): no native library, no stty process. */
    private static final String PROVIDER = "ffm";

    private enum Mode { LIVE, PLAIN }

    private enum State { OPEN, CLOSED }

    private final Mode mode;
    /** The JLine terminal in LIVE mode, else null; closed by {@link #close}. */
    private final Terminal terminal;
    private final PrintWriter out;
    private final ReentrantLock lock = new ReentrantLock();
    /** Whether a status is drawn on the current line (LIVE only). Guarded by {@code lock}. */
    private boolean shown;
    /** Guarded by {@code lock}. */
    private State state = State.OPEN;

    private StatusLine(Mode mode, Terminal terminal, PrintWriter out) {
        this.mode = mode;
        this.terminal = terminal;
        this.out = out;
    }

    /**
     * A status line on this process's standard error: live if JLine finds a terminal there, else
     * plain lines on {@link System#err}.
     */
    public static StatusLine onStandardError() {
        return onStandardError(new PrintWriter(System.err, true, System.err.charset()));
    }

    /**
     * A status line on this process's standard error if it is a terminal; else plain lines on
     * {@code plain} (the caller's writer for stderr, which it may have wrapped or captured).
     */
    public static StatusLine onStandardError(PrintWriter plain) {
        Objects.requireNonNull(plain, "plain");
        Terminal terminal = systemTerminalOnStderr();
        return terminal == null ? plain(plain) : live(terminal);
    }

    /** A live status line on {@code terminal}, which it then owns (closes): for tests, on a virtual terminal. */
    static StatusLine live(Terminal terminal) {
        return new StatusLine(Mode.LIVE, terminal, terminal.writer());
    }

    /** Plain lines on {@code out}, never redrawn: for pipes, files and tests. */
    public static StatusLine plain(PrintWriter out) {
        return new StatusLine(Mode.PLAIN, null, Objects.requireNonNull(out, "out"));
    }

    /** Plain lines on {@code out}, never redrawn. */
    public static StatusLine plain(PrintStream out) {
        return plain(new PrintWriter(out, true, out.charset()));
    }

    /** Whether {@link #show} redraws in place (a terminal), rather than printing lines. */
    public boolean live() {
        return mode == Mode.LIVE;
    }

    /**
     * Shows {@code text} as the status: on a terminal, in place of the one shown before (keep it
     * shorter than the terminal is wide, or it wraps); elsewhere, as a line of its own.
     *
     * @throws IllegalStateException after {@link #close}
     */
    public void show(String text) {
        lock.lock();
        try {
            requireOpen();
            if (mode == Mode.LIVE) {
                eraseLine();
                out.print(text);
                shown = true;
            } else {
                out.println(text);
            }
            out.flush();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes {@code text} as it is, with no line end: the start of a line that a later
     * {@link #println} finishes. Erases a status shown first.
     *
     * @throws IllegalStateException after {@link #close}
     */
    public void print(String text) {
        write(text, "");
    }

    /**
     * Writes {@code text} and a line end, after erasing a status shown: a line that stays (a
     * note, a result, the final summary). The status, if wanted again, is shown anew by
     * {@link #show}.
     *
     * @throws IllegalStateException after {@link #close}
     */
    public void println(String text) {
        write(text, System.lineSeparator());
    }

    private void write(String text, String end) {
        lock.lock();
        try {
            requireOpen();
            eraseShown();
            out.print(text);
            out.print(end);
            out.flush();
        } finally {
            lock.unlock();
        }
    }

    /** Erases the status shown, if any, leaving the cursor at the start of its line. */
    public void clear() {
        lock.lock();
        try {
            if (state == State.OPEN) {
                eraseShown();
                out.flush();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Erases the status shown and releases the terminal (not the plain writer, which is the
     * caller's). Idempotent.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (state == State.CLOSED) {
                return;
            }
            eraseShown();
            out.flush();
            state = State.CLOSED;
            if (terminal != null) {
                try {
                    terminal.close();
                } catch (IOException e) {
                    // the status is erased and flushed: nothing the user would miss
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void requireOpen() {
        if (state == State.CLOSED) {
            throw new IllegalStateException("status line closed");
        }
    }

    private void eraseShown() {
        if (shown) {
            eraseLine();
            shown = false;
        }
    }

    private void eraseLine() {
        terminal.puts(Capability.carriage_return);
        terminal.puts(Capability.clr_eol);
    }

    /**
     * JLine's system terminal on standard error, or null when standard error is not a terminal
     * (JLine then offers a dumb one, closed here) or JLine cannot tell.
     */
    private static Terminal systemTerminalOnStderr() {
        if (!Logging.verbose()) {
            JLINE_LOG.setLevel(Level.OFF);
        }
        Terminal terminal;
        try {
            // Asking the provider first is cheap (an isatty call); building a terminal, even a dumb
            // one, loads terminfo and costs a second of a busy machine's time for nothing.
            if (!TerminalProvider.load(PROVIDER).isSystemStream(SystemStream.Error)) {
                return null;
            }
            terminal = TerminalBuilder.builder()
                    .provider(PROVIDER)
                    .system(true)
                    .systemOutput(TerminalBuilder.SystemOutput.SysErr)
                    .nativeSignals(false) // leave Ctrl-C to the JVM: shutdown hooks must run
                    .dumb(true)
                    .graphemeCluster(false) // no mode probe: it would write queries and wait for replies on stdin
                    .build();
        } catch (IOException | RuntimeException | LinkageError e) {
            return null; // no FFM provider (or not allowed native access): plain lines, as in a pipe
        }
        String type = terminal.getType();
        boolean dumb = type == null || type.startsWith(Terminal.TYPE_DUMB);
        if (dumb || terminal.getStringCapability(Capability.clr_eol) == null) {
            try {
                terminal.close();
            } catch (IOException e) {
                // a dumb terminal holds nothing worth reporting
            }
            return null;
        }
        return terminal;
    }
}
