package org.slowpoetry.fetch;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.protocol.PoemAccumulator;
import org.slowpoetry.protocol.ProtocolException;

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
    /** The poem so far; owning thread only. */
    private final PoemAccumulator poem;
    /** Owning thread only. */
    private State state = State.CONNECTING;

    /** A download of the poem at {@code address}, within {@code settings}. */
    public PoemDownload(Address address, FetchSettings settings) {
        this.address = Objects.requireNonNull(address, "address");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.poem = new PoemAccumulator(settings.maxPoemBytes());
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

    /** How many bytes have arrived. */
    public int received() {
        return poem.size();
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
     *     the limit (nothing of it is kept)
     * @throws IllegalStateException unless it is reading
     */
    public Optional<PoemResult.Failed> append(ByteBuffer chunk) {
        require(State.READING, "take bytes");
        try {
            poem.append(chunk);
            return Optional.empty();
        } catch (ProtocolException tooLong) {
            return Optional.of(failed(tooLong));
        }
    }

    /**
     * The server closed the connection in an orderly way.
     *
     * @return the poem, or {@link FetchFailure.NoPoem} if not a byte came
     * @throws IllegalStateException unless it is reading
     */
    public PoemResult end() {
        require(State.READING, "end");
        state = State.ENDED;
        byte[] all = poem.finish();
        if (all.length == 0) {
            return new PoemResult.Failed(new FetchFailure.NoPoem(address), all);
        }
        return new PoemResult.Poem(all);
    }

    /**
     * The connect or a read threw {@code cause}: the failure it means, with the bytes so far.
     *
     * @throws IllegalStateException if the download has ended
     */
    public PoemResult.Failed failed(Throwable cause) {
        FetchFailure why = switch (state) {
            case CONNECTING -> FetchFailure.connectFailed(address, cause, settings.timeout());
            case READING -> FetchFailure.readFailed(address, poem.size(), cause, settings.timeout());
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
        return endWith(new FetchFailure.TimedOut(address, state == State.READING, poem.size(), settings.timeout()));
    }

    private PoemResult.Failed endWith(FetchFailure why) {
        int size = poem.size();
        byte[] partial = state == State.READING && !(why instanceof FetchFailure.TooLong) ? poem.finish() : new byte[0];
        state = State.ENDED;
        assert partial.length == 0 || partial.length == size;
        return new PoemResult.Failed(why, partial);
    }

    private void require(State expected, String action) {
        if (state != expected) {
            throw new IllegalStateException("cannot " + action + ": the download of " + address + " is " + state);
        }
    }
}
