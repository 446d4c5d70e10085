package org.slowpoetry.clients.loom;

/**
 * What flows through one poem's stream in the {@link LazyHaskellClient}: the poem's lines as they
 * arrive, then the end. The stream plays the part of the lazy list Part 21's {@code hGetContents}
 * returns: the consumer takes a line when it wants one, and if the line has not been read from the
 * network yet it waits for it. How the download ended is not in the stream: it is the task's
 * outcome, final before the end is sent.
 *
 * <p><b>Threading:</b> immutable values (arrays copied in and out), passed from a poem's reading
 * thread to the printing thread through a {@link org.slowpoetry.loom.Mailbox}.
 */
sealed interface PoemPiece {

    /** One line of the poem, without its terminator. */
    record Line(byte[] text) implements PoemPiece {
        public Line {
            text = text.clone();
        }

        @Override
        public byte[] text() {
            return text.clone();
        }
    }

    /** No more lines: the download has ended, with a poem or without. The last piece. */
    enum End implements PoemPiece {
        END
    }
}
