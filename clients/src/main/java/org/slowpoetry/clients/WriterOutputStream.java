package org.slowpoetry.clients;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Bytes (UTF-8) written to a picocli {@link PrintWriter}: lets a command hand its styles the
 * {@link PrintStream} that {@link ClientRun} wants (and the tour its examples theirs) while still
 * printing through {@code spec.commandLine().getOut()}, which tests replace to capture the output
 * and {@code Main} makes a {@link org.slowpoetry.cli.CheckedOutput} to see write errors.
 *
 * <p><b>Threading:</b> thread-safe; writes are serialized by {@code lock}, and a multi-byte
 * character split across two writes is decoded whole.
 */
public final class WriterOutputStream extends OutputStream {
    private final PrintWriter writer;
    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by {@code lock}, as are the two buffers. */
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    /** Bytes not yet decoded (at most the start of one character between writes), in write mode. */
    private final ByteBuffer pending = ByteBuffer.allocate(1024);
    private final CharBuffer decoded = CharBuffer.allocate(1024);

    private WriterOutputStream(PrintWriter writer) {
        this.writer = writer;
    }

    /** A UTF-8, auto-flushing print stream onto {@code writer}. */
    public static PrintStream printStream(PrintWriter writer) {
        return new PrintStream(new WriterOutputStream(writer), true, StandardCharsets.UTF_8);
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        lock.lock();
        try {
            while (length > 0) {
                int n = Math.min(length, pending.remaining());
                pending.put(bytes, offset, n);
                offset += n;
                length -= n;
                pending.flip();
                while (true) {
                    CoderResult result = decoder.decode(pending, decoded, false);
                    decoded.flip();
                    writer.append(decoded);
                    decoded.clear();
                    if (!result.isOverflow()) {
                        break;
                    }
                }
                pending.compact();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void flush() throws IOException {
        writer.flush();
    }
}
