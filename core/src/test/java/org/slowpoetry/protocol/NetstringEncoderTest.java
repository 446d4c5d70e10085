package org.slowpoetry.protocol;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NetstringEncoderTest {

    @Test
    void payloadIsFramedAsLengthColonPayloadComma() {
        byte[] frame = NetstringEncoder.encode("hello".getBytes(US_ASCII));
        assertEquals("5:hello,", new String(frame, US_ASCII));
    }

    @Test
    void emptyPayloadIsFramedAsZeroColonComma() {
        assertEquals("0:,", new String(NetstringEncoder.encode(new byte[0]), US_ASCII));
    }

    @Test
    void encodedLengthCountsDigitsColonPayloadAndComma() {
        assertEquals(3, NetstringEncoder.encodedLength(0));
        assertEquals(12, NetstringEncoder.encodedLength(9));
        assertEquals(14, NetstringEncoder.encodedLength(10));
        assertEquals(1_048_576 + 9, NetstringEncoder.encodedLength(1_048_576));
        assertThrows(IllegalArgumentException.class, () -> NetstringEncoder.encodedLength(-1));
        assertThrows(ArithmeticException.class, () -> NetstringEncoder.encodedLength(Integer.MAX_VALUE));
    }

    @Test
    void encodingIntoABufferAppendsAtItsPosition() {
        var out = ByteBuffer.allocate(32);
        out.put((byte) '!');
        NetstringEncoder.encode("ab".getBytes(US_ASCII), out);
        NetstringEncoder.encode(new byte[0], out);
        assertEquals("!2:ab,0:,", new String(out.array(), 0, out.position(), US_ASCII));
    }

    @Test
    void encodingIntoATooSmallBufferThrowsAndWritesNothing() {
        var out = ByteBuffer.allocate(7);
        out.put((byte) '!');
        byte[] hello = "hello".getBytes(US_ASCII); // needs 8 bytes, 6 remain
        assertThrows(BufferOverflowException.class, () -> NetstringEncoder.encode(hello, out));
        assertEquals(1, out.position());
    }

    @Test
    void decoderReturnsWhatTheEncoderFramedWhateverTheChunking() {
        var random = new Random(12);
        var payloads = new ArrayList<byte[]>();
        for (int size : new int[] {0, 1, 9, 10, 99, 100, 4095, 4096, 4097, 70_000}) {
            byte[] payload = new byte[size];
            random.nextBytes(payload);
            payloads.add(payload);
        }
        int total = payloads.stream().mapToInt(p -> NetstringEncoder.encodedLength(p.length)).sum();
        var stream = ByteBuffer.allocate(total);
        payloads.forEach(p -> NetstringEncoder.encode(p, stream));

        for (int chunkSize : new int[] {1, 2, 3, 7, 1000, 4096, stream.capacity()}) {
            var decoder = new NetstringDecoder();
            var got = new ArrayList<byte[]>();
            for (byte[] chunk : Chunks.ofSize(stream.array(), chunkSize)) {
                decoder.feed(ByteBuffer.wrap(chunk), got::add);
            }
            decoder.finish();
            assertEquals(payloads.size(), got.size(), "chunk size " + chunkSize);
            for (int i = 0; i < payloads.size(); i++) {
                assertArrayEquals(payloads.get(i), got.get(i), "payload " + i + ", chunk size " + chunkSize);
            }
        }
    }

    @Test
    void encodedTextSurvivesARoundTrip() {
        var text = List.of("cummingsify.The Sun Rising", "", "line one\nline two\n", "ünïcødé 🌹");
        for (String t : text) {
            var got = new ArrayList<String>();
            byte[] frame = NetstringEncoder.encode(t.getBytes(UTF_8));
            new NetstringDecoder().feed(ByteBuffer.wrap(frame), p -> got.add(new String(p, UTF_8)));
            assertEquals(List.of(t), got);
        }
    }
}
