package org.slowpoetry.fetch;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Where a reactor download reports: every chunk as it arrives, then how the download ended, once.
 * The one poetry protocol ({@link PoetryClient}) calls it; a client version's own code implements
 * it, and that is all a version has to write to receive a poem:
 *
 * {@snippet :
 * new PoetryClient(reactor, address, settings).start(new PoemSink() {
 *     @Override
 *     public void chunk(int bytes) {
 *         lines.gotChunk(task, bytes, address);            // client 2.0's line per read
 *     }
 *
 *     @Override
 *     public void ended(PoemResult result) {
 *         switch (result) {
 *             case PoemResult.Poem(byte[] poem) -> poems.add(poem);
 *             case PoemResult.Failed(FetchFailure why, byte[] partial) -> failures.add(why);
 *         }
 *     }
 * });
 * }
 *
 * <p>Order: any number of {@link #chunk} calls (none if the connect fails), then exactly one
 * {@link #ended}, unless the download is {@linkplain PoetryClient#cancel() cancelled} first: then
 * nothing more.
 *
 * <p><b>Threading:</b> called on the reactor's thread, one call at a time.
 */
public interface PoemSink {

    /** {@code bytes} more bytes of the poem arrived (at least one): one read. Does nothing by default. */
    default void chunk(int bytes) {
    }

    /** The download ended: the poem (at least one byte), or why there is none. */
    void ended(PoemResult result);

    /**
     * A sink that counts the chunks with {@code progress}, then hands over the poem to
     * {@code poem}, or the failure, as a {@link FetchException} holding its value and the bytes
     * that came, to {@code failed}: the shape of a callback and an errback (Part 6).
     */
    static PoemSink of(IntConsumer progress, Consumer<byte[]> poem, Consumer<FetchException> failed) {
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(poem, "poem");
        Objects.requireNonNull(failed, "failed");
        return new PoemSink() {
            @Override
            public void chunk(int bytes) {
                progress.accept(bytes);
            }

            @Override
            public void ended(PoemResult result) {
                switch (result) {
                    case PoemResult.Poem(byte[] whole) -> poem.accept(whole);
                    case PoemResult.Failed(FetchFailure why, byte[] partial) ->
                            failed.accept(new FetchException(why, partial, null));
                }
            }
        };
    }

    /**
     * A sink that tells this one, then {@code next}, of every chunk and of the end: one sink keeps
     * the books, another is the client's own.
     */
    default PoemSink andThen(PoemSink next) {
        Objects.requireNonNull(next, "next");
        PoemSink first = this;
        return new PoemSink() {
            @Override
            public void chunk(int bytes) {
                first.chunk(bytes);
                next.chunk(bytes);
            }

            @Override
            public void ended(PoemResult result) {
                first.ended(result);
                next.ended(result);
            }
        };
    }
}
