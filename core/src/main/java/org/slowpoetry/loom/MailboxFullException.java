package org.slowpoetry.loom;

import java.io.Serial;

/**
 * A message was sent to a full bounded {@link Mailbox} whose policy is
 * {@link OverflowPolicy#REJECT}. The message was not delivered.
 *
 * <p><b>Threading:</b> immutable; safe to throw and read on any thread.
 */
public final class MailboxFullException extends IllegalStateException {
    @Serial
    private static final long serialVersionUID = 1L;

    public MailboxFullException(String message) {
        super(message);
    }
}
