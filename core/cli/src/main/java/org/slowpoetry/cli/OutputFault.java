package org.slowpoetry.cli;

import java.io.IOException;
import java.util.Locale;
import java.util.Objects;

/**
 * Why a command's output stopped reaching its reader: the first write error on its stdout
 * ({@link CheckedOutput}). The two are told apart because a user wants them told apart: a reader
 * that has had enough ({@code | head -1}) is no error, a full disk is.
 *
 * {@snippet :
 * int code = switch (fault) {
 *     case OutputFault.ReaderGone gone -> ExitCodes.OUTPUT_CLOSED;   // quietly
 *     case OutputFault.WriteFailed failed -> ExitCodes.OUTPUT_FAILED; // "cannot write to stdout: ..."
 * };
 * }
 *
 * <p><b>Threading:</b> immutable values.
 */
public sealed interface OutputFault {

    /** The write error, as the JDK reported it. */
    IOException cause();

    /**
     * The reader has gone: the output is a pipe (or socket) whose other end was closed
     * ({@code EPIPE}). The program stops quietly, with {@link ExitCodes#OUTPUT_CLOSED}.
     */
    record ReaderGone(IOException cause) implements OutputFault {
        public ReaderGone {
            Objects.requireNonNull(cause, "cause");
        }
    }

    /**
     * Any other write error ({@code No space left on device}): the program stops with one line on
     * stderr and {@link ExitCodes#OUTPUT_FAILED}.
     */
    record WriteFailed(IOException cause) implements OutputFault {
        public WriteFailed {
            Objects.requireNonNull(cause, "cause");
        }

        /** The operating system's words, one line: {@code No space left on device}. */
        public String reason() {
            String message = cause.getMessage();
            return message == null || message.isBlank() ? cause.getClass().getSimpleName() : UserErrors.oneLine(message);
        }
    }

    /**
     * The fault behind {@code cause}. The JDK reports {@code EPIPE} only in its message; on Linux
     * and macOS it is the C library's {@code Broken pipe}.
     */
    static OutputFault of(IOException cause) {
        String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
        return message.startsWith("broken pipe") ? new ReaderGone(cause) : new WriteFailed(cause);
    }
}
