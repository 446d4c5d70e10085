package org.slowpoetry.service;

import java.io.Serial;
import java.util.Objects;

/**
 * A service could not start, or did not stop cleanly. The message is one line fit for a user
 * ({@code cannot start tcp-10000: cannot listen on 127.0.0.1:10000: Address already in use});
 * the cause is the step's own exception. When several children of a multi-service failed to stop,
 * the first is the cause and the others are suppressed: none is lost.
 *
 * <p><b>Threading:</b> immutable once thrown.
 */
public final class ServiceException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Which service, by name. */
    private final String service;

    public ServiceException(String service, String message, Throwable cause) {
        super(message, cause);
        this.service = Objects.requireNonNull(service, "service");
    }

    /** The failed service's name. */
    public String service() {
        return service;
    }

    /** {@code cannot start NAME: reason}, where reason is the step's own message. */
    static ServiceException cannotStart(String service, Throwable cause) {
        if (cause instanceof ServiceException nested) {
            return nested; // a child's failure already names the child
        }
        return new ServiceException(service, "cannot start " + service + ": " + reason(cause), cause);
    }

    /** {@code NAME did not stop cleanly: reason}. */
    static ServiceException cannotStop(String service, Throwable cause) {
        if (cause instanceof ServiceException nested) {
            return nested;
        }
        return new ServiceException(service, service + " did not stop cleanly: " + reason(cause), cause);
    }

    private static String reason(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message.strip();
    }
}
