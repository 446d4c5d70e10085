package org.slowpoetry.servers.transform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.slowpoetry.protocol.LineSplitter;
import org.slowpoetry.protocol.NetstringDecoder;
import org.slowpoetry.protocol.NetstringEncoder;
import org.slowpoetry.transform.LineRequest;
import org.slowpoetry.transform.TransformRequest;

/**
 * The two request protocols a transform server speaks, one per port, both in front of the same
 * {@link org.slowpoetry.transform.TransformService}: how a request is framed and parsed, and how
 * the reply is written. Everything else about a connection is the same for both
 * ({@link TransformExchange}).
 *
 * <p><b>Threading:</b> immutable; the framers it makes belong to one connection each.
 */
public enum Wire {
    /** Part 12's protocol: a netstring holding {@code NAME.POEM}; the reply, a netstring. */
    NETSTRING("netstring"),
    /** Exercise 3's second protocol, ours: one line {@code NAME POEM} in, one line out ({@link LineRequest}). */
    LINE("line");

    /** Cuts a byte stream into request frames, copying each into a fresh array. */
    @FunctionalInterface
    interface Framer {
        /** Consumes the chunk, handing each complete frame to {@code sink}. */
        void feed(ByteBuffer chunk, Consumer<? super byte[]> sink);
    }

    private final String label;

    Wire(String label) {
        this.label = label;
    }

    /**
     * A framer for one connection that refuses a frame longer than {@code maxRequest} bytes before
     * buffering it, with a {@link org.slowpoetry.protocol.ProtocolException}.
     */
    Framer framer(int maxRequest) {
        return switch (this) {
            case NETSTRING -> new NetstringDecoder(maxRequest)::feed;
            case LINE -> new LineSplitter(maxRequest)::feed;
        };
    }

    /**
     * The request in one frame.
     *
     * @throws org.slowpoetry.transform.BadTransformRequestException if it cannot be read
     */
    TransformRequest parse(byte[] frame) {
        return switch (this) {
            case NETSTRING -> TransformRequest.parse(frame);
            case LINE -> LineRequest.parse(frame);
        };
    }

    /** The reply carrying {@code poem}, ready to write. */
    ByteBuffer reply(String poem) {
        return ByteBuffer.wrap(switch (this) {
            case NETSTRING -> NetstringEncoder.encode(poem.getBytes(StandardCharsets.UTF_8));
            case LINE -> LineRequest.reply(poem);
        });
    }

    @Override
    public String toString() {
        return label;
    }
}
