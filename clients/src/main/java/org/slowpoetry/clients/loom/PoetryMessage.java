package org.slowpoetry.clients.loom;

import java.util.Objects;
import org.slowpoetry.fetch.FetchFailure;

/**
 * What a download process of the {@link ErlangClient} sends to the main process's mailbox:
 * Part 20's {@code {poem, Poem}} tuple, plus a message per chunk so that main can print the
 * {@code Task N: got K bytes} lines, plus a crash report from a supervised download. Main also
 * receives {@link org.slowpoetry.loom.Down} notices, which are not poetry messages but the
 * runtime's; so main's mailbox is a {@code Mailbox<Object>} and its {@code receive} is a switch
 * over these records and {@code Down}.
 *
 * <p>Messages are values: immutable records, copied at the border ({@link Poem} copies its array),
 * as Erlang copies every message; nothing is shared between the sender and main.
 *
 * <p><b>Threading:</b> immutable values, sent from download processes and received by main.
 */
sealed interface PoetryMessage {

    /** The task that sent it (1-based: the address's position on the command line). */
    int task();

    /** A download read {@code bytes} bytes (at least 1). */
    record Chunk(int task, int bytes) implements PoetryMessage {
    }

    /** A download has its whole poem: the server closed the connection. */
    record Poem(int task, byte[] poem) implements PoetryMessage {
        public Poem {
            poem = poem.clone();
        }

        @Override
        public byte[] poem() {
            return poem.clone();
        }
    }

    /**
     * A supervised download crashed; its supervisor will restart it, or give up. Like the error
     * report Part 20's Erlang runtime prints for a crashed process.
     *
     * @param failure why it crashed, as its {@link org.slowpoetry.fetch.FetchException} said
     */
    record Crashed(int task, FetchFailure failure) implements PoetryMessage {
        public Crashed {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
