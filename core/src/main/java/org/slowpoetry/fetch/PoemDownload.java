package org.slowpoetry.fetch;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.protocol.PoemFraming;

/**
 * One poem on its way from one server: the part of a download that does not depend on how the
 * bytes are read. A blocking socket ({@link BlockingFetch}) and a reactor protocol feed it the same
 * events, and it gives both the same answers, so the rules live here once:
 *
 * <ul>
 *   <li>the poem is held within {@link FetchSettings#maxPoemBytes()}; a server that sends more is a
 *       {@link FetchFailure.TooLong} before the extra bytes are kept;</li>
 *   <li>an orderly close after at least one byte is the poem; a close before any byte is
 *       {@link FetchFailure.NoPoem} (a server that turns clients away does that);</li>
 *   <li>with {@link PoemFraming#NETSTRING} framing ({@link FetchSettings#framing()}), the poem is
 *       the payload of the one netstring the server sends: a close before its comma is
 *       {@link FetchFailure.Truncated}, a malformed frame or a byte after it a
 *       {@link FetchFailure.BadPoem}. Every style gets this by feeding its bytes here;</li>
 *   <li>what the JDK throws is classified by when it happened: before the connection was made
 *       ({@link FetchFailure#connectFailed}) or after ({@link FetchFailure#readFailed}).</li>
 * </ul>
 *
 * {@snippet :
 * PoemDownload download = new PoemDownload(address, settings);
 * download.connected();
 * download.append(chunk);                          // each read
 * switch (download.end()) {                        // the server closed
 *     case PoemResult.Poem(byte[] poem) -> use(poem);
 *     case PoemResult.Failed(FetchFailure why, byte[] partial) -> report(why);
 * }
 * }
 *
 * <p>It moves forward only, {@code CONNECTING → READING → ENDED}, and ends once: a second ending,
 * or bytes after the end, throw {@link IllegalStateException}.
 *
 * <p><b>Threading:</b> not thread-safe, no threads of its own: it belongs to the thread reading
 * the connection (the download's virtual thread, or the reactor's loop thread).
 */
public final class PoemDownload {

    /** Where a download is. */
    public enum State {
        /** The connect has not completed. */
        CONNECTING,
        /** Connected; bytes may arrive. */
        READING,
        /** A result has been given. */
        ENDED
    }

    private final Address address;
    private final FetchSettings settings;
    /** The poem in the bytes, read as the framing says; owning thread only. */
    private final PoemBody poem;
    /** Bytes taken so far, any frame's included; owning thread only. */
    private int received;
    /** Owning thread only. */
    private State state = State.CONNECTING;

    /** A download of the poem at {@code address}, within {@code settings}. */
    public PoemDownload(Address address, FetchSettings settings) {
        this.address = Objects.requireNonNull(address, "address");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.poem = PoemBody.of(settings);
    }

    /** The server this poem comes from. */
    public Address address() {
        return address;
    }

    /** The bounds it works within. */
    public FetchSettings settings() {
        return settings;
    }

    /** Where it is. */
    public State state() {
        return state;
    }

    /** How many bytes have arrived, any frame's included. */
    public int received() {
        return received;
    }

    /**
     * The connect completed.
     *
     * @throws IllegalStateException unless it was connecting
     */
    public void connected() {
        require(State.CONNECTING, "connect");
        state = State.READING;
    }

    /**
     * Takes the chunk's remaining bytes (its position ends at its limit).
     *
     * @return empty, or the failure that ends the download: the chunk would take the poem past
     *     the limit (nothing of it is kept), or breaks the poem's frame
     * @throws IllegalStateException unless it is reading
     */
    public Optional<PoemResult.Failed> append(ByteBuffer chunk) {
        require(State.READING, "take bytes");
        int before = received;
        received += chunk.remaining();
        return poem.take(chunk, address, before).map(this::endWith);
    }

    /**
     * The server closed the connection in an orderly way.
     *
     * @return the poem, or {@link FetchFailure.NoPoem} if not a byte came, or
     *     {@link FetchFailure.Truncated} if the poem's frame was not complete
     * @throws IllegalStateException unless it is reading
     */
    public PoemResult end() {
        require(State.READING, "end");
        state = State.ENDED;
        if (received == 0) {
            return new PoemResult.Failed(new FetchFailure.NoPoem(address), new byte[0]);
        }
        return poem.end(address, received);
    }

    /**
     * The connect or a read threw {@code cause}: the failure it means, with the bytes so far.
     *
     * @throws IllegalStateException if the download has ended
     */
    public PoemResult.Failed failed(Throwable cause) {
        FetchFailure why = switch (state) {
            case CONNECTING -> FetchFailure.connectFailed(address, cause, settings.timeout());
            case READING -> FetchFailure.readFailed(address, received, cause, settings.timeout());
            case ENDED -> throw new IllegalStateException("the download of " + address + " has ended");
        };
        return endWith(why);
    }

    /**
     * Nothing happened for {@link FetchSettings#timeout()}: the connect did not complete, or the
     * server went silent.
     *
     * @throws IllegalStateException if the download has ended
     */
    public PoemResult.Failed timedOut() {
        if (state == State.ENDED) {
            throw new IllegalStateException("the download of " + address + " has ended");
        }
        return endWith(new FetchFailure.TimedOut(address, state == State.READING, received, settings.timeout()));
    }

    /** Ends with {@code why}, keeping the poem so far (none if it grew too long). */
    private PoemResult.Failed endWith(FetchFailure why) {
        byte[] partial = state == State.READING && !(why instanceof FetchFailure.TooLong) ? poem.partial() : new byte[0];
        state = State.ENDED;
        return new PoemResult.Failed(why, partial);
    }

    private void require(State expected, String action) {
        if (state != expected) {
            throw new IllegalStateException("cannot " + action + ": the download of " + address + " is " + state);
        }
    }
}
