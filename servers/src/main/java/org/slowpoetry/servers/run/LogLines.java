package org.slowpoetry.servers.run;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An output stream that turns what is written to it into log lines, one per line of text: a
 * daemon's standard output and error once it serves. Until then they go to a file the launcher
 * relays if the daemon fails to start ({@link DaemonLauncher}); after that the launcher has gone
 * and deleted the file, and anything written there (an uncaught exception's trace, a library's
 * warning) would grow a file no one can see. In the log it is rotated, and read.
 *
 * <p><b>Threading:</b> thread-safe: {@link #write(int)} holds the stream's lock. A
 * {@code PrintStream} over it writes each {@code println} under its own lock, so lines from two
 * threads do not interleave within a line.
 */
final class LogLines extends OutputStream {

    /** A line longer than this is logged in pieces, so a stream without newlines holds bounded memory. */
    static final int MAX_LINE_BYTES = 8 * 1024;

    private final Consumer<String> sink;
    /** The current line's bytes; guarded by this. */
    private final byte[] line = new byte[MAX_LINE_BYTES];
    /** How many bytes of {@code line} are used; guarded by this. */
    private int length;

    LogLines(Consumer<String> sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /**
     * Points {@code System.out} (info) and {@code System.err} (warn) at the log, under the logger
     * named {@code stdout} and {@code stderr}.
     */
    static void redirectStandardStreams() {
        Logger out = LoggerFactory.getLogger("stdout");
        Logger err = LoggerFactory.getLogger("stderr");
        System.setOut(new PrintStream(new LogLines(out::info), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new LogLines(err::warn), true, StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            emit();
            return;
        }
        if (length == line.length) {
            emit();
        }
        line[length++] = (byte) b;
    }

    /**
     * Does nothing: a line is logged when its newline comes (or it fills the buffer). A
     * {@code PrintStream} flushes after writing a line's text and before its newline, so logging
     * on flush would split every line in two.
     */
    @Override
    public void flush() {
    }

    private void emit() {
        int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        String text = new String(line, 0, end, StandardCharsets.UTF_8);
        length = 0;
        sink.accept(text);
    }
}
