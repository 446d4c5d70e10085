package org.slowpoetry.protocol;

/**
 * How a poem travels from a poetry server to a client: as the text's servers send it, or framed
 * as one netstring (Part 12, exercise 6). Servers and clients agree on it out of band
 * ({@code serve slow|fast --netstrings}, {@code get --netstrings}); nothing on the wire says which.
 *
 * <ul>
 *   <li>{@link #NONE}: the poem's bytes as they are, and the server's close ends the poem (see
 *       {@link PoetryProtocol}). A client cannot tell a whole poem from one cut short.</li>
 *   <li>{@link #NETSTRING}: {@code LEN:POEM,} ({@link NetstringEncoder}). The length comes first,
 *       so a client knows a poem is whole when the comma arrives, and that one is cut short when
 *       the connection ends before it.</li>
 * </ul>
 *
 * {@snippet :
 * byte[] wire = PoemFraming.NETSTRING.frame("Roses\n".getBytes(UTF_8)); // "6:Roses\n,"
 * }
 *
 * <p><b>Threading:</b> an enum: immutable, and {@link #frame} is stateless.
 */
public enum PoemFraming {
    /** The text's poetry protocol: the poem as it is, ended by the close. */
    NONE,
    /** The poem as one netstring, {@code LEN:POEM,}. */
    NETSTRING;

    /** The bytes a server sends for {@code poem}: a new array, the caller's to keep. */
    public byte[] frame(byte[] poem) {
        return switch (this) {
            case NONE -> poem.clone();
            case NETSTRING -> NetstringEncoder.encode(poem);
        };
    }
}
