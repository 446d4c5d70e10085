package org.slowpoetry.cli;

import java.util.List;
import java.util.Optional;
import org.slowpoetry.protocol.BadAddressException;
import org.slowpoetry.reactor.CannotListenException;
import org.slowpoetry.reactor.SelectorUnavailableException;

/**
 * The one place where a failure becomes the user's business: a one-line message and an exit code,
 * rather than an internal error. {@link Main}'s exception handler asks it about whatever a command
 * threw, so every command, and every library it calls, is covered the same way.
 *
 * <ul>
 * <li>A {@link UserException}, thrown by a command: its message and its exit code.</li>
 * <li>An exception of the libraries whose message already names the input and the problem
 *     ({@link #LIBRARY}: an unavailable selector, an address that cannot be bound or parsed): its
 *     message and {@link ExitCodes#USAGE}. Libraries throw their own types; only here do they meet
 *     the command line.</li>
 * </ul>
 *
 * The cause chain is searched from the outside in, so a command that wraps a library exception
 * in a {@link UserException} with more context has its words used.
 *
 * <p><b>Threading:</b> stateless; any thread.
 */
final class UserErrors {

    /** Library exceptions reported as {@code command: message}, exit code {@link ExitCodes#USAGE}. */
    static final List<Class<? extends Exception>> LIBRARY = List.of(
            SelectorUnavailableException.class,
            CannotListenException.class,
            BadAddressException.class);

    /** What to print and how to exit. */
    record UserError(String message, int exitCode) {
    }

    private UserErrors() {
    }

    /** The user's error behind {@code failure}, or empty if it is a bug (or the machine's fault). */
    static Optional<UserError> of(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c instanceof UserException user) {
                return Optional.of(new UserError(user.getMessage(), user.exitCode()));
            }
            Throwable cause = c;
            if (LIBRARY.stream().anyMatch(type -> type.isInstance(cause))) {
                return Optional.of(new UserError(oneLine(cause.getMessage()), ExitCodes.USAGE));
            }
        }
        return Optional.empty();
    }

    /** {@code s} on one line: line breaks (and the blanks around them) become {@code "; "}. */
    static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
