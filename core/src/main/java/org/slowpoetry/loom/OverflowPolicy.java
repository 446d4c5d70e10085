package org.slowpoetry.loom;

/**
 * What a bounded {@link Mailbox} does with a message that arrives when it is full. Chosen once,
 * when the mailbox is made ({@link Mailbox#bounded(int, OverflowPolicy)}); an unbounded mailbox
 * never overflows.
 *
 * <p>Neither policy blocks the sender: a {@code send} never waits for room, so a slow receiver can
 * never stall (or deadlock) its senders. A sender that wants back-pressure must ask for it in its
 * own protocol (wait for a reply before sending more), as Erlang programs do.
 *
 * <p><b>Threading:</b> an enum; immutable.
 */
public enum OverflowPolicy {

    /** {@link Mailbox#send} throws {@link MailboxFullException}; the sender decides what to do. */
    REJECT,

    /** {@link Mailbox#send} returns {@code false} and the new message is dropped (and counted). */
    DROP_NEWEST
}
