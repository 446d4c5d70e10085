package org.slowpoetry.protocol;

/** Shows a single stream byte in an error message: {@code 'x'} if printable ASCII, else {@code 0x0a}. */
final class ByteText {
    private ByteText() {}

    static String show(byte b) {
        return b >= 0x20 && b < 0x7f ? "'" + (char) b + "'" : String.format("0x%02x", b & 0xff);
    }
}
