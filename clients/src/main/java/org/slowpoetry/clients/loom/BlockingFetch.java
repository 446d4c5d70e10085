package org.slowpoetry.clients.loom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.Arrays;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.protocol.Address;

/**
 * The blocking client's code of Part 2, one poem's worth: connect, read until the server closes,
 * return the poem. Nothing in it knows about threads, selectors or callbacks. Every Loom client
 * runs it unchanged on a virtual thread per poem, and the JDK does what Part 2's select loop did
 * by hand: when a read would block, the virtual thread is parked and its carrier thread runs
 * another one; when bytes arrive, the JDK's poller makes it runnable again. That is the whole
 * point of Part 1 seen from Java: the concurrency of the asynchronous model, written as the
 * synchronous one.
 *
 * {@snippet :
 * byte[] poem = BlockingFetch.fetch(address, chunk ->
 *         System.out.println("got " + chunk.length + " bytes"));   // on any thread, virtual or not
 * }
 *
 * <p><b>Threading:</b> stateless; {@link #fetch} runs on the calling thread and blocks it until the
 * poem is complete; it opens one socket and closes it before it returns. On a virtual thread an
 * interrupt closes the socket at once and {@code fetch} throws {@link InterruptedException}, which
 * is how a {@code StructuredTaskScope}'s timeout and a process's {@code exit} stop a download.
 */
final class BlockingFetch {

    /** The text's clients read up to 1024 bytes at a time. */
    static final int READ_SIZE = 1024;

    /**
     * What to do with each read, on the fetching thread, before the next read.
     *
     * <p><b>Threading:</b> called on the thread running {@link BlockingFetch#fetch}.
     */
    @FunctionalInterface
    interface ChunkHandler {
        /** {@code chunk} is a fresh array of at least one byte, the handler's to keep. */
        void onChunk(byte[] chunk) throws InterruptedException;
    }

    private BlockingFetch() {
    }

    /**
     * Fetches the poem at {@code address}, passing every read to {@code onChunk} as it arrives.
     *
     * @return the whole poem: every byte the server sent before it closed the connection
     * @throws FetchFailedException if the server cannot be reached or the connection breaks; its
     *         message is the one-line reason and it holds the bytes that did arrive
     * @throws InterruptedException if the thread is interrupted; the socket is closed
     */
    static byte[] fetch(Address address, ChunkHandler onChunk) throws InterruptedException {
        ByteArrayOutputStream poem = new ByteArrayOutputStream();
        try (Socket socket = new Socket()) {
            try {
                socket.connect(address.toSocketAddress());
            } catch (IOException e) {
                throw failure(PoetryLines.cannotConnect(address, e), poem, e);
            }
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[READ_SIZE];
            for (int n; (n = in.read(buffer)) != -1; ) {
                poem.write(buffer, 0, n);
                onChunk.onChunk(Arrays.copyOf(buffer, n));
            }
        } catch (IOException e) {
            throw failure(PoetryLines.connectionLost(address, poem.size(), e), poem, e);
        }
        return poem.toByteArray();
    }

    /**
     * The exception to throw for a socket that failed: an interrupt closes a virtual thread's
     * socket, and its read then fails with a {@code SocketException}; that is not the server's
     * fault, so it is reported as the interrupt it was.
     */
    private static RuntimeException failure(String reason, ByteArrayOutputStream poem, IOException cause)
            throws InterruptedException {
        if (Thread.interrupted()) {
            var interrupted = new InterruptedException("interrupted while fetching: " + reason);
            interrupted.initCause(cause);
            throw interrupted;
        }
        return new FetchFailedException(reason, poem.toByteArray(), cause);
    }
}
