package org.slowpoetry.clients.loom;

import java.time.Duration;
import java.util.Objects;

/**
 * What flows through one poem's stream in the {@link LazyHaskellClient}: the poem's lines as they
 * arrive, then how it ended. The stream plays the part of the lazy list Part 21's
 * {@code hGetContents} returns: the consumer takes a line when it wants one, and if the line has
 * not been read from the network yet it waits for it.
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

    /** The server closed the connection: {@code poem} is all of it, as sent. The last piece. */
    record End(byte[] poem, Duration elapsed) implements PoemPiece {
        public End {
            poem = poem.clone();
            Objects.requireNonNull(elapsed, "elapsed");
        }

        @Override
        public byte[] poem() {
            return poem.clone();
        }
    }

    /** The download failed; {@code reason} is the one line to print. The last piece. */
    record Broken(String reason, byte[] partial, Duration elapsed) implements PoemPiece {
        public Broken {
            Objects.requireNonNull(reason, "reason");
            partial = partial.clone();
            Objects.requireNonNull(elapsed, "elapsed");
        }

        @Override
        public byte[] partial() {
            return partial.clone();
        }
    }
}
