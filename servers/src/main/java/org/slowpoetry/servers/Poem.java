package org.slowpoetry.servers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntFunction;
import org.slowpoetry.cli.UserException;
import org.slowpoetry.protocol.PoemFraming;

/**
 * A poem a server serves: its bytes, read once at start, and where they came from.
 *
 * <p>Servers that write to streams use {@link #writeTo}, from the heap; servers that write to
 * channels use {@link #buffer()} and {@link #slice}, views of one direct buffer holding the poem
 * (made on first use, one per poem: {@link DirectPoemBuffer}), so a socket write copies nothing.
 *
 * <p><b>Threading:</b> immutable, safe from any thread; {@link #bytes()} returns a copy,
 * {@link #size()}, {@link #buffer()} and {@link #slice} do not copy the poem.
 */
public final class Poem {
    private final String source;
    private final byte[] bytes;
    /** The poem in native memory for channel writes; thread-safe on its own. */
    private final DirectPoemBuffer direct;

    private Poem(String source, byte[] bytes, IntFunction<ByteBuffer> allocateDirect) {
        this.source = source;
        this.bytes = bytes;
        this.direct = new DirectPoemBuffer(source, bytes, allocateDirect);
    }

    private Poem(String source, byte[] bytes) {
        this(source, bytes, ByteBuffer::allocateDirect);
    }

    /** A poem held in memory (tests, demos). */
    public static Poem of(String source, byte[] bytes) {
        return new Poem(Objects.requireNonNull(source), bytes.clone());
    }

    /** {@link #of} whose direct buffer comes from {@code allocateDirect} (tests: counting, or out of memory). */
    static Poem of(String source, byte[] bytes, IntFunction<ByteBuffer> allocateDirect) {
        return new Poem(Objects.requireNonNull(source), bytes.clone(), allocateDirect);
    }

    /**
     * The largest poem a server can hold: the largest byte array the JVM allocates reliably, just
     * under 2 GiB. A server keeps the whole poem in memory, read once, and sends it from there.
     */
    public static final int MAX_SIZE = Integer.MAX_VALUE - 8;

    /**
     * Reads a poem file, whole, once. Only a regular file (or a link to one) is read: a device such
     * as {@code /dev/zero}, a pipe or a socket could be endless or block forever.
     *
     * @throws UserException naming the file and the problem: missing, a directory, not a regular
     *                       file, unreadable, empty, larger than {@link #MAX_SIZE}, or too large for
     *                       the heap
     */
    public static Poem load(Path file) {
        return load(file, MAX_SIZE);
    }

    /** {@link #load(Path)} with a smaller limit (tests: a "too large" file need not be 2 GiB). */
    static Poem load(Path file, int maxSize) {
        String name = "poem '" + file + "'";
        try {
            if (Files.isDirectory(file)) {
                throw new UserException(name + " is a directory, not a file");
            }
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                throw new UserException(name + " is not a regular file (a device, a pipe or a socket)");
            }
            long size = Files.size(file);
            if (size > maxSize) {
                throw new UserException(tooLarge(name, size, maxSize));
            }
            byte[] bytes = readAll(file, name, maxSize);
            if (bytes.length == 0) {
                throw new UserException(name + " is empty");
            }
            return new Poem(file.toString(), bytes);
        } catch (NoSuchFileException e) {
            throw new UserException(name + " not found", e);
        } catch (AccessDeniedException e) {
            throw new UserException(name + " cannot be read: permission denied", e);
        } catch (IOException e) {
            throw new UserException(name + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The file's bytes, at most {@code maxSize} of them. The size was checked, but a file may grow
     * while it is read, and some report a size of 0 ({@code /proc}): the read itself is bounded.
     */
    private static byte[] readAll(Path file, String name, int maxSize) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(maxSize);
            if (bytes.length == maxSize && in.read() != -1) {
                throw new UserException(name + " is too large: more than " + maxSize + " bytes, and a server"
                        + " holds at most " + maxSize);
            }
            return bytes;
        } catch (OutOfMemoryError e) {
            // One allocation failed, and nothing else was made meanwhile: safe to report and go on.
            throw new UserException(name + " does not fit in the heap: give the JVM more memory (-Xmx)", e);
        }
    }

    private static String tooLarge(String name, long size, int maxSize) {
        return name + " is too large: " + size + " bytes, and a server holds at most " + maxSize;
    }

    /** Where the poem came from: its path as given. */
    public String source() {
        return source;
    }

    public int size() {
        return bytes.length;
    }

    /**
     * The poem as it goes on the wire with {@code framing}: this poem for {@link PoemFraming#NONE},
     * else a poem from the same source whose bytes are the framed ones ({@code LEN:POEM,}). A server
     * sends the framed poem's bytes exactly as it sends a poem's, paced or all at once.
     */
    public Poem framed(PoemFraming framing) {
        return framing == PoemFraming.NONE ? this : new Poem(source, framing.frame(bytes));
    }

    /** A copy of the poem's bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * Writes bytes {@code [from, from + length)}, clipped to the poem's end, to {@code out}, without
     * copying the poem: for servers that write it to streams.
     */
    public void writeTo(java.io.OutputStream out, int from, int length) throws IOException {
        int end = Math.min(bytes.length, from + length);
        out.write(bytes, from, Math.max(0, end - from));
    }

    /**
     * A read-only view of the poem (no copy), for servers that write it to channels: of the shared
     * direct buffer, unless direct memory was short (then of the heap). Each call gives a new view,
     * with a position and limit of its own.
     */
    public ByteBuffer buffer() {
        return direct.view();
    }

    /** Bytes {@code [from, from + length)} clipped to the poem's end, as a read-only view like {@link #buffer()}. */
    public ByteBuffer slice(int from, int length) {
        int end = Math.min(bytes.length, from + length);
        int start = Math.min(from, end);
        return direct.view(start, end - start);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Poem p && source.equals(p.source) && Arrays.equals(bytes, p.bytes);
    }

    @Override
    public int hashCode() {
        return source.hashCode() * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return source + " (" + bytes.length + " bytes)";
    }
}
