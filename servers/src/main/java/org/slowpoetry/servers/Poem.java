package org.slowpoetry.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.slowpoetry.cli.UserException;
import org.slowpoetry.protocol.PoemFraming;

/**
 * A poem a server serves: its bytes, read once at start, and where they came from.
 *
 * <p><b>Threading:</b> immutable; {@link #bytes()} returns a copy, {@link #size()} and
 * {@link #slice} do not copy the whole poem.
 */
public final class Poem {
    private final String source;
    private final byte[] bytes;

    private Poem(String source, byte[] bytes) {
        this.source = source;
        this.bytes = bytes;
    }

    /** A poem held in memory (tests, demos). */
    public static Poem of(String source, byte[] bytes) {
        return new Poem(Objects.requireNonNull(source), bytes.clone());
    }

    /**
     * Reads a poem file.
     *
     * @throws UserException naming the file and the problem (missing, a directory, unreadable, empty)
     */
    public static Poem load(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new UserException("poem '" + file + "' is a directory, not a file");
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length == 0) {
                throw new UserException("poem '" + file + "' is empty");
            }
            return new Poem(file.toString(), bytes);
        } catch (NoSuchFileException e) {
            throw new UserException("poem '" + file + "' not found", e);
        } catch (IOException e) {
            throw new UserException("poem '" + file + "' cannot be read: " + e.getMessage(), e);
        }
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

    /** A read-only view of the poem (no copy), for servers that write it to channels. */
    public java.nio.ByteBuffer buffer() {
        return java.nio.ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    /** Bytes {@code [from, from + length)} clipped to the poem's end, as a read-only view. */
    public java.nio.ByteBuffer slice(int from, int length) {
        int end = Math.min(bytes.length, from + length);
        return java.nio.ByteBuffer.wrap(bytes, from, Math.max(0, end - from)).slice().asReadOnlyBuffer();
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
