package org.slowpoetry.protocol;

/**
 * The poetry protocol of Parts 2–11, which every server and client in slowpoetry speaks: the client
 * connects and sends nothing; the server writes the poem's bytes, in whatever pieces and at whatever
 * pace it likes, and then closes the connection; the client reads until end of stream and takes
 * everything it read as the poem. There is no header, no length and no terminator: the close
 * <em>is</em> the end-of-poem marker.
 *
 * {@snippet :
 * var poem = new PoemAccumulator();              // at most DEFAULT_MAX_POEM_BYTES
 * var buffer = ByteBuffer.allocate(4096);
 * while (channel.read(buffer.clear()) != -1) {  // -1: the server closed, the poem is over
 *     poem.append(buffer.flip());
 * }
 * byte[] text = poem.finish();
 * }
 *
 * <h2>Why a client cannot tell a whole poem from a cut one</h2>
 * The only signal the client gets is "the stream ended". A server that sent the last line and
 * closed, and a server that was killed, crashed or decided to give up half-way, produce that same
 * signal: when a process dies, its kernel closes its sockets in the ordinary way, so the client sees
 * an orderly end of stream, not an error. (A connection reset shows up as an {@code IOException},
 * but only in some of these cases, so its absence proves nothing.) Since the poem's length was never
 * announced and its last byte carries no mark, nothing in the bytes received says whether more were
 * meant to follow. A client of this protocol can only report "got N bytes", never "got the poem".
 *
 * <p>Part 12 fixes this for the transformation service by framing each message as a netstring
 * ({@link NetstringDecoder}, {@link NetstringEncoder}): the length comes first, so a stream that ends
 * before that many bytes and the closing comma have arrived is known to be cut short
 * ({@link NetstringException.Problem#TRUNCATED}). The poetry protocol itself is kept as the text
 * has it, deliberately, so the clients of Parts 2–11 behave as the text describes; Part 12's
 * exercise 6 frames poems the same way on request ({@link PoemFraming#NETSTRING}).
 *
 * <p><b>Threading:</b> constants only; see {@link PoemAccumulator} for the helper that collects a
 * poem.
 */
public final class PoetryProtocol {
    /**
     * The default ceiling on a poem's size for {@link PoemAccumulator}: 16 MiB, far above any poem in
     * the text, low enough that a server streaming forever cannot exhaust a client's memory.
     */
    public static final int DEFAULT_MAX_POEM_BYTES = 16 << 20;

    private PoetryProtocol() {}
}
