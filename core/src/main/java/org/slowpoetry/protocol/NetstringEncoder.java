package org.slowpoetry.protocol;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Frames a payload as a netstring, {@code <length>:<payload>,}: the writing half of the format
 * {@link NetstringDecoder} reads.
 *
 * {@snippet :
 * byte[] frame = NetstringEncoder.encode("hello".getBytes(UTF_8)); // "5:hello,"
 * NetstringEncoder.encode(payload, outBuffer);                      // or straight into a buffer
 * }
 *
 * <p><b>Threading:</b> stateless; every method may be called from any thread. The caller must not
 * change a payload array while it is being encoded.
 */
public final class NetstringEncoder {
    private NetstringEncoder() {}

    /** How many bytes the netstring for a payload of {@code payloadLength} bytes takes. */
    public static int encodedLength(int payloadLength) {
        if (payloadLength < 0) {
            throw new IllegalArgumentException("negative payload length: " + payloadLength);
        }
        // digits + ':' + payload + ','; long arithmetic so a huge payload fails here, not silently
        return Math.toIntExact(decimalDigits(payloadLength) + 2L + payloadLength);
    }

    /** Returns a new array holding {@code payload} framed as a netstring. */
    public static byte[] encode(byte[] payload) {
        var frame = ByteBuffer.allocate(encodedLength(payload.length));
        encode(payload, frame);
        return frame.array();
    }

    /**
     * Writes {@code payload} framed as a netstring into {@code out} at its position, advancing it.
     *
     * @throws BufferOverflowException if {@code out} has less than {@link #encodedLength} bytes
     *                                 remaining; nothing is written then
     */
    public static void encode(byte[] payload, ByteBuffer out) {
        if (out.remaining() < encodedLength(payload.length)) {
            throw new BufferOverflowException();
        }
        out.put(Integer.toString(payload.length).getBytes(StandardCharsets.US_ASCII))
                .put((byte) ':')
                .put(payload)
                .put((byte) ',');
    }

    private static int decimalDigits(int n) {
        return Integer.toString(n).length();
    }
}
