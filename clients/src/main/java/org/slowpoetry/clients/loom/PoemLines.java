package org.slowpoetry.clients.loom;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.slowpoetry.fetch.BlockingFetch;
import org.slowpoetry.fetch.FetchException;
import org.slowpoetry.fetch.FetchFailure;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.protocol.LineSplitter;
import org.slowpoetry.protocol.PoemFraming;
import org.slowpoetry.protocol.ProtocolException;

/**
 * A poem fetched as a stream of lines, each handed on the moment its newline arrives: Part 21's
 * Haskell clients, whose {@code lines poem} over a lazily read socket yields each line as soon as
 * the runtime has read it. Here the laziness is made of plain parts: {@link BlockingFetch} blocks
 * a virtual thread until bytes arrive, and a {@link LineSplitter} (shared with the reactor
 * clients) cuts them into lines.
 *
 * {@snippet :
 * BlockingTask.Fetch fetch = PoemLines.splitting(line ->
 *         System.out.println(new String(line, UTF_8)));   // each line as it arrives
 * byte[] poem = fetch.fetch(address, settings, chunk -> { });
 * }
 *
 * <p><b>Threading:</b> stateless; a fetch runs on the calling thread, blocks it until the poem is
 * complete, and calls both handlers on that thread.
 */
final class PoemLines {
    private PoemLines() {
    }

    /**
     * A fetch that passes every read to its chunk handler and then every line it completes (without
     * its terminator) to {@code onLine}; the last line is passed at the end even if the poem does
     * not end with a newline. It returns the whole poem, byte for byte as sent, and fails with
     * {@link FetchFailure.BadPoem} if a line is longer than
     * {@link LineSplitter#DEFAULT_MAX_LINE_BYTES}.
     *
     * <p>A poem framed as a netstring ({@link PoemFraming#NETSTRING}) is split once its frame is
     * complete, not as it arrives: the frame's own bytes are not lines, and until the comma the
     * bytes may be a poem cut short.
     */
    static BlockingTask.Fetch splitting(Consumer<byte[]> onLine) {
        return (address, settings, onChunk) -> fetch(address, settings, onChunk, onLine);
    }

    private static byte[] fetch(Address address, FetchSettings settings, BlockingFetch.ChunkHandler onChunk,
            Consumer<byte[]> onLine) throws FetchException, InterruptedException {
        LineSplitter splitter = new LineSplitter();
        ByteArrayOutputStream soFar = new ByteArrayOutputStream();
        boolean asItArrives = settings.framing() == PoemFraming.NONE;
        try {
            byte[] poem = BlockingFetch.fetch(address, settings, chunk -> {
                soFar.writeBytes(chunk);
                onChunk.onChunk(chunk);
                if (asItArrives) {
                    splitter.feed(ByteBuffer.wrap(chunk), onLine);
                }
            });
            if (!asItArrives) {
                splitter.feed(ByteBuffer.wrap(poem), onLine);
            }
            splitter.finish().ifPresent(onLine);
            return poem;
        } catch (ProtocolException e) {
            String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip().lines()
                    .findFirst().orElse(e.getClass().getSimpleName());
            throw new FetchException(new FetchFailure.BadPoem(address, soFar.size(), detail), soFar.toByteArray(), e);
        }
    }
}
