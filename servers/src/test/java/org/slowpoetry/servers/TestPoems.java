package org.slowpoetry.servers;

import java.nio.charset.StandardCharsets;

/**
 * Poems for server tests, with line breaks, multi-byte UTF-8 or every byte value, so that a server
 * that is not byte-exact shows it.
 *
 * <p><b>Threading:</b> stateless; each call makes a new immutable {@link Poem}.
 */
public final class TestPoems {
    private TestPoems() {
    }

    /** A short poem (4 lines, under 100 bytes): a handful of sends at 10 bytes a send. */
    public static Poem shortPoem() {
        return Poem.of("short.txt", """
                Slow bytes crawl in,
                one handful — then a pause;
                the socket waits, ünd
                then it closes.
                """.getBytes(StandardCharsets.UTF_8));
    }

    /** A poem of {@code size} bytes, every byte value in turn. */
    public static Poem ofSize(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) i;
        }
        return Poem.of(size + "-bytes.bin", bytes);
    }
}
