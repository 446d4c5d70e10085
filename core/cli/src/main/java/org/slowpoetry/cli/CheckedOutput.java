package org.slowpoetry.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A command's stdout that notices when its output stops reaching anyone. {@link PrintWriter} and
 * {@link java.io.PrintStream} (so {@code System.out}) swallow write errors: they set a flag that
 * {@code checkError()} reports, and the program writes on, into nothing, to the end. This writer
 * keeps the first error as an {@link OutputFault}, writes nothing more after it (the output stays
 * a clean prefix of what was meant), and tells whoever asked ({@link #onFault}).
 *
 * <p>{@link Main} makes one over the real stdout for every command; after the command,
 * {@link Main} turns a fault into the exit ({@link ExitCodes#OUTPUT_CLOSED} quietly for a reader that
 * has gone, {@link ExitCodes#OUTPUT_FAILED} and one line for any other error). A command that
 * would go on working for nothing (fetching poems no one will read) stops at once by asking to be
 * interrupted:
 *
 * {@snippet :
 * PrintWriter out = spec.commandLine().getOut();
 * CheckedOutput.interruptOnFault(out);   // the command's thread is interrupted at the first fault
 * PrintWriter err = CheckedOutput.silencedAtFault(out, spec.commandLine().getErr());
 * }
 *
 * <p>and by keeping quiet about what it left undone ({@link #silencedAtFault}): the fault's own
 * line, or nothing for a closed pipe, is the last the user sees.
 *
 * <p><b>Threading:</b> thread-safe, as {@link PrintWriter} is; the fault is set once, by the thread
 * whose write failed, which then runs the actions on itself. An action registered after the fault
 * runs at once on the registering thread.
 */
public final class CheckedOutput extends PrintWriter {

    /* Implementation overview
     *
     * The writer is PrintWriter's usual stack (a BufferedWriter, an OutputStreamWriter) over a
     * Watch: the one OutputStream every byte passes, and so the one place an IOException from the
     * real stream can be seen before PrintWriter swallows it. The Watch records the first one and
     * rethrows it (so checkError() still works), and from then on throws it again for every write
     * without touching the real stream.
     */

    private final Watch watch;

    /** A checked, auto-flushing writer of {@code charset} text onto {@code bytes}. */
    public CheckedOutput(OutputStream bytes, Charset charset) {
        this(new Watch(Objects.requireNonNull(bytes, "bytes")), charset);
    }

    private CheckedOutput(Watch watch, Charset charset) {
        super(watch, true, charset);
        this.watch = watch;
    }

    /**
     * The process's real stdout (file descriptor 1, unbuffered below this writer), in the charset of
     * {@code System.out}. It is never closed.
     */
    public static CheckedOutput stdout() {
        return new CheckedOutput(new FileOutputStream(FileDescriptor.out), System.out.charset());
    }

    /** The first write error, if there was one. */
    public Optional<OutputFault> fault() {
        return Optional.ofNullable(watch.fault);
    }

    /**
     * Runs {@code action} at the first fault, on the thread whose write failed; at once, on this
     * thread, if there has been one.
     */
    public void onFault(Runnable action) {
        Objects.requireNonNull(action, "action");
        watch.actions.add(action);
        if (watch.fault != null && watch.actions.remove(action)) {
            action.run();
        }
    }

    /**
     * Interrupts the calling thread at {@code out}'s first fault, if {@code out} is a
     * {@link CheckedOutput} (a test's writer is not, and is left alone). A command calls it on the
     * thread it blocks, so a reader that has gone stops it at once; its blocking calls then throw
     * {@link InterruptedException}, and {@link Main} reports the fault, not the interrupt.
     */
    public static void interruptOnFault(PrintWriter out) {
        if (out instanceof CheckedOutput checked) {
            checked.onFault(Thread.currentThread()::interrupt);
        }
    }

    /**
     * {@code err} until {@code out}'s first fault, then nothing: whatever a command prints on stderr
     * through it after its stdout has failed (the downloads it broke off, as it broke them off) is
     * dropped. {@code err} itself if {@code out} is not a {@link CheckedOutput}.
     */
    public static PrintWriter silencedAtFault(PrintWriter out, PrintWriter err) {
        Objects.requireNonNull(err, "err");
        if (!(out instanceof CheckedOutput checked)) {
            return err;
        }
        return new PrintWriter(new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) {
                if (checked.watch.fault == null) {
                    err.write(chars, offset, length);
                }
            }

            @Override
            public void flush() {
                err.flush();
            }

            @Override
            public void close() {
                // err is the command line's, not ours to close
            }
        }, true);
    }

    /** The stream under the writer: every byte passes here, so every error is seen here. */
    private static final class Watch extends OutputStream {
        private final OutputStream target;
        /** Written once, under this stream's lock, by the thread whose write failed; read by any. */
        private volatile OutputFault fault;
        /** Added by any thread; each is removed and run once, by the thread that sets the fault. */
        private final List<Runnable> actions = new CopyOnWriteArrayList<>();

        Watch(OutputStream target) {
            this.target = target;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
            throwIfFaulted();
            try {
                target.write(bytes, offset, length);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public synchronized void flush() throws IOException {
            throwIfFaulted();
            try {
                target.flush();
            } catch (IOException e) {
                throw failed(e);
            }
        }

        private void throwIfFaulted() throws IOException {
            if (fault != null) {
                throw fault.cause();
            }
        }

        private IOException failed(IOException e) {
            fault = OutputFault.of(e);
            for (Runnable action : actions) {
                if (actions.remove(action)) {
                    action.run();
                }
            }
            return e;
        }
    }
}
