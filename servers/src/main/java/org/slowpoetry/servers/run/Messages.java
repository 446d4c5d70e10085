package org.slowpoetry.servers.run;

/**
 * Exceptions as the one-line reasons the runner prints and logs.
 *
 * <p><b>Threading:</b> stateless.
 */
final class Messages {
    private Messages() {
    }

    /** {@code text} on one line: line breaks, and the blanks around them, become {@code "; "}. */
    static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    /** Why {@code failure} happened, on one line: its message, or its type if it has none. */
    static String reason(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : oneLine(message);
    }
}
