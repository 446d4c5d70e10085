package org.slowpoetry.proxy;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * What {@link PoemCache#request()} answers: the poem at once, or a {@link Ticket} for a download.
 * Sealed, so a proxy handles each case (and prints the text's line for it):
 *
 * {@snippet :
 * switch (cache.request()) {
 *     case Request.Cached(ByteBuffer poem) -> send(poem);           // "Using cached poem."
 *     case Request.Fetching(Ticket ticket) -> waitFor(ticket);     // "Fetching poem from server."
 *     case Request.Joined(Ticket ticket) -> waitFor(ticket);       // the download already in flight
 * }
 * }
 *
 * <p><b>Threading:</b> immutable values; the poem buffer is a read-only view, so a caller may
 * hand it to any number of connections ({@link ByteBuffer#duplicate()} gives each its own position).
 */
public sealed interface Request {

    /** The cache held a fresh poem: here it is, no waiting. */
    record Cached(ByteBuffer poem) implements Request {
        public Cached {
            Objects.requireNonNull(poem, "poem");
            poem = poem.asReadOnlyBuffer();
        }

        @Override
        public ByteBuffer poem() {
            return poem.duplicate();
        }
    }

    /** The cache was empty (or its poem too old): this request started the download. */
    record Fetching(Ticket ticket) implements Request {
        public Fetching {
            Objects.requireNonNull(ticket, "ticket");
        }
    }

    /** A download was in flight: this request waits for that same download (single flight). */
    record Joined(Ticket ticket) implements Request {
        public Joined {
            Objects.requireNonNull(ticket, "ticket");
        }
    }
}
