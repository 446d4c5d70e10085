package org.slowpoetry.clients.loom;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.protocol.LineSplitter;
import org.slowpoetry.protocol.ProtocolException;

/**
 * A poem fetched as a stream of lines, each handed on the moment its newline arrives: Part 21's
 * Haskell clients, whose {@code lines poem} over a lazily read socket yields each line as soon as
 * the runtime has read it. Here the laziness is made of plain parts: {@link BlockingFetch} blocks
 * a virtual thread until bytes arrive, and a {@link LineSplitter} (shared with the reactor
 * clients) cuts them into lines.
 *
 * {@snippet :
 * byte[] poem = PoemLines.fetch(address, chunk -> {}, line ->
 *         System.out.println(new String(line, UTF_8)));   // each line as it arrives
 * }
 *
 * <p><b>Threading:</b> stateless; {@link #fetch} runs on the calling thread, blocks it until the
 * poem is complete, and calls both handlers on that thread.
 */
final class PoemLines {
    private PoemLines() {
    }

    /**
     * Fetches the poem at {@code address}, passing every read to {@code onChunk} and then every line
     * it completes (without its terminator) to {@code onLine}; the last line is passed at the end
     * even if the poem does not end with a newline.
     *
     * @return the whole poem, byte for byte as sent
     * @throws FetchFailedException if the server cannot be reached, the connection breaks, or a
     *         line is longer than {@link LineSplitter#DEFAULT_MAX_LINE_BYTES}
     * @throws InterruptedException if the thread is interrupted; the socket is closed
     */
    static byte[] fetch(Address address, BlockingFetch.ChunkHandler onChunk, Consumer<byte[]> onLine)
            throws InterruptedException {
        LineSplitter splitter = new LineSplitter();
        ByteArrayOutputStream soFar = new ByteArrayOutputStream();
        try {
            byte[] poem = BlockingFetch.fetch(address, chunk -> {
                soFar.writeBytes(chunk);
                onChunk.onChunk(chunk);
                splitter.feed(ByteBuffer.wrap(chunk), onLine);
            });
            splitter.finish().ifPresent(onLine);
            return poem;
        } catch (ProtocolException e) {
            throw new FetchFailedException(PoetryLines.badPoem(address, e), soFar.toByteArray(), e);
        }
    }
}
