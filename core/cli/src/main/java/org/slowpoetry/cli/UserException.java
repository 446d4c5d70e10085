package org.slowpoetry.cli;

import java.io.Serial;

/**
 * A mistake of the user's (bad input, a missing file, a port in use), reported as one line with
 * no stack trace and a non-zero exit code. Throw it from any command; {@link Main} prints
 * {@code slowpoetry: <message>} and exits with {@link #exitCode()}. With {@code --verbose} the
 * stack trace and cause are logged as well.
 *
 * <p><b>Threading:</b> immutable; safe to throw and read on any thread.
 */
public class UserException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    /** A user error with exit code {@link ExitCodes#USAGE}. */
    public UserException(String message) {
        this(message, null, ExitCodes.USAGE);
    }

    /** A user error caused by {@code cause}, with exit code {@link ExitCodes#USAGE}. */
    public UserException(String message, Throwable cause) {
        this(message, cause, ExitCodes.USAGE);
    }

    /** A user error with the given exit code. */
    public UserException(String message, Throwable cause, int exitCode) {
        super(message, cause);
        if (message == null || message.isBlank() || message.contains("\n")) {
            throw new IllegalArgumentException("a user error is one non-empty line: " + message);
        }
        this.exitCode = exitCode;
    }

    /** The process exit code this error should produce; never 0. */
    public int exitCode() {
        return exitCode;
    }
}
