package org.slowpoetry.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.slowpoetry.protocol.Address;

/**
 * The blocking client's code of Part 2, one poem's worth: connect, read until the server closes,
 * return the poem. Nothing in it knows about threads, selectors or callbacks. The blocking client
 * runs it on its one thread, one poem after another; every Loom client runs it unchanged on a
 * virtual thread per poem, and the JDK does what Part 2's select loop did by hand: when a read
 * would block, the virtual thread is parked and its carrier runs another; when bytes arrive, the
 * JDK's poller makes it runnable again. The concurrency of the asynchronous model, written as the
 * synchronous one.
 *
 * {@snippet :
 * byte[] poem = BlockingFetch.fetch(address, FetchSettings.defaults(),
 *         chunk -> System.out.println("got " + chunk.length + " bytes"));
 * }
 *
 * <p>Every wait is bounded by {@link FetchSettings#timeout()}: the connect, and each read (a server
 * silent that long is given up on). The poem is bounded by {@link FetchSettings#maxPoemBytes()}.
 * The rules for what counts as a poem and how failures are classified are {@link PoemDownload}'s,
 * shared with the reactor clients.
 *
 * <p><b>Threading:</b> stateless; {@link #fetch} runs on the calling thread, blocks it until the
 * poem is complete or has failed, and calls the handler on it. It opens one socket and closes it
 * before it returns. On a virtual thread an interrupt closes the socket at once and {@code fetch}
 * throws {@link InterruptedException}: that is how a {@code StructuredTaskScope}'s cancellation
 * and a process's {@code exit} stop a download. (A platform thread sees the interrupt only after
 * its next read, or its timeout.)
 */
public final class BlockingFetch {

    /** The text's clients read up to 1024 bytes at a time. */
    public static final int READ_SIZE = 1024;

    /**
     * What to do with each read, on the fetching thread, before the next read.
     *
     * <p><b>Threading:</b> called on the thread running {@link BlockingFetch#fetch}.
     */
    @FunctionalInterface
    public interface ChunkHandler {
        /** {@code chunk} is a fresh array of at least one byte, the handler's to keep. */
        void onChunk(byte[] chunk) throws InterruptedException;
    }

    private BlockingFetch() {
    }

    /**
     * Fetches the poem at {@code address}, passing every read to {@code onChunk} as it arrives.
     *
     * @return the whole poem: every byte the server sent before it closed the connection, at least
     *     one
     * @throws FetchException if there is no poem: its {@link FetchException#failure()} says why
     *     (refused, unknown host, timed out, lost, too long, cut short, no poem at all) and it holds the bytes
     *     that did arrive
     * @throws InterruptedException if the thread is interrupted; the socket is closed
     */
    public static byte[] fetch(Address address, FetchSettings settings, ChunkHandler onChunk)
            throws FetchException, InterruptedException {
        Objects.requireNonNull(onChunk, "onChunk");
        PoemDownload download = new PoemDownload(address, settings);
        try (Socket socket = new Socket()) {
            connect(socket, address, settings);
            download.connected();
            socket.setSoTimeout(settings.timeoutMillis());
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[READ_SIZE];
            for (int n; (n = in.read(buffer)) != -1; ) {
                if (Thread.interrupted()) { // a platform thread's read does not see an interrupt: look after each
                    throw new InterruptedException("interrupted while fetching");
                }
                if (download.append(ByteBuffer.wrap(buffer, 0, n)).orElse(null) instanceof PoemResult.Failed refused) {
                    throw new FetchException(refused.failure(), refused.partial(), null);
                }
                onChunk.onChunk(Arrays.copyOf(buffer, n));
            }
        } catch (IOException e) {
            throwInterruptedIfInterrupted(e);
            PoemResult.Failed failed = download.failed(e);
            throw new FetchException(failed.failure(), failed.partial(), e);
        }
        return switch (download.end()) {
            case PoemResult.Poem(byte[] poem) -> poem;
            case PoemResult.Failed(FetchFailure why, byte[] partial) -> throw new FetchException(why, partial, null);
        };
    }

    /** Connects {@code socket} to {@code address} within the settings' timeout (shared with {@link BlockingTransform}). */
    static void connect(Socket socket, Address address, FetchSettings settings) throws IOException {
        InetSocketAddress target = address.toSocketAddress(); // resolves the name, blocking
        if (target.isUnresolved()) {
            throw new UnknownHostException(address.host());
        }
        socket.connect(target, settings.timeoutMillis());
    }

    /**
     * An interrupt closes a virtual thread's socket, and the blocked call then fails with a
     * {@code SocketException}; that is not the server's fault, so it is reported as the interrupt
     * it was.
     */
    static void throwInterruptedIfInterrupted(IOException cause) throws InterruptedException {
        if (Thread.interrupted()) {
            var interrupted = new InterruptedException("interrupted while fetching");
            interrupted.initCause(cause);
            throw interrupted;
        }
    }
}
