package org.slowpoetry.fetch;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.protocol.LimitExceededException;
import org.slowpoetry.protocol.NetstringDecoder;
import org.slowpoetry.protocol.NetstringException;
import org.slowpoetry.protocol.PoemAccumulator;
import org.slowpoetry.protocol.PoemFraming;

/**
 * The poem inside the bytes of one download, read the way {@link FetchSettings#framing()} says:
 * {@link AsSent} keeps every byte until the close (the text's protocol), {@link OneNetstring} reads
 * exactly one netstring. {@link PoemDownload} owns one and keeps the rules that do not depend on
 * the framing (its states, no poem at all, timeouts, what the JDK throws).
 *
 * <p><b>Threading:</b> not thread-safe; it belongs to its download's thread.
 */
sealed interface PoemBody {

    /** The body {@code settings} ask for. */
    static PoemBody of(FetchSettings settings) {
        return switch (settings.framing()) {
            case NONE -> new AsSent(settings.maxPoemBytes());
            case NETSTRING -> new OneNetstring(settings.maxPoemBytes());
        };
    }

    /**
     * Takes the chunk's remaining bytes.
     *
     * @param before the bytes the download had received before this chunk
     * @return empty, or why the bytes cannot be a poem (too long, malformed): the download ends
     */
    Optional<FetchFailure> take(ByteBuffer chunk, Address address, int before);

    /**
     * The server closed the connection after {@code received} bytes, at least one.
     *
     * @return the poem, or the failure: it was cut short
     */
    PoemResult end(Address address, int received);

    /** The poem's bytes so far, for a download that failed; called at most once, before any end. */
    byte[] partial();

    /** {@link PoemFraming#NONE}: every byte is the poem, however the stream ends. */
    final class AsSent implements PoemBody {
        /** The bytes so far; the download's thread only. */
        private final PoemAccumulator poem;

        AsSent(int maxBytes) {
            poem = new PoemAccumulator(maxBytes);
        }

        @Override
        public Optional<FetchFailure> take(ByteBuffer chunk, Address address, int before) {
            try {
                poem.append(chunk);
                return Optional.empty();
            } catch (LimitExceededException tooLong) {
                return Optional.of(new FetchFailure.TooLong(address, before, tooLong.limit()));
            }
        }

        @Override
        public PoemResult end(Address address, int received) {
            return new PoemResult.Poem(poem.finish());
        }

        @Override
        public byte[] partial() {
            return poem.finish();
        }
    }

    /**
     * {@link PoemFraming#NETSTRING}: the poem is the payload of one netstring; a close before its
     * comma is {@link FetchFailure.Truncated}, a byte after it a {@link FetchFailure.BadPoem}.
     */
    final class OneNetstring implements PoemBody {
        /** Reads the frame; the download's thread only. */
        private final NetstringDecoder frame;
        /** The payload once the frame is complete, else null; the download's thread only. */
        private byte[] poem;
        /** The frame's length, once it is complete; the download's thread only. */
        private long frameLength;

        OneNetstring(int maxBytes) {
            frame = new NetstringDecoder(maxBytes);
        }

        @Override
        public Optional<FetchFailure> take(ByteBuffer chunk, Address address, int before) {
            try {
                frame.feed(chunk, this::complete);
            } catch (NetstringException e) {
                return Optional.of(poem == null ? malformed(e, address, before) : afterTheFrame(address, before));
            }
            return poem != null && frame.offset() > frameLength ? Optional.of(afterTheFrame(address, before))
                    : Optional.empty();
        }

        /** The decoder's sink: the first payload is the poem; the offset just past its comma ends the frame. */
        private void complete(byte[] payload) {
            if (poem == null) {
                poem = payload;
                frameLength = frame.offset();
            }
        }

        @Override
        public PoemResult end(Address address, int received) {
            if (poem == null) {
                return new PoemResult.Failed(new FetchFailure.Truncated(address, received), new byte[0]);
            }
            return new PoemResult.Poem(poem);
        }

        /** Nothing: a poem whose frame is not complete is not yet a poem. */
        @Override
        public byte[] partial() {
            return new byte[0];
        }

        private FetchFailure malformed(NetstringException e, Address address, int before) {
            return switch (e.problem()) {
                case TOO_LONG -> new FetchFailure.TooLong(address, before, frame.maxLength());
                default -> new FetchFailure.BadPoem(address, before, FetchFailure.detail(e));
            };
        }

        private static FetchFailure afterTheFrame(Address address, int before) {
            return new FetchFailure.BadPoem(address, before, "bytes after the poem's netstring");
        }
    }
}
