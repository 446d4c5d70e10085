package org.slowpoetry.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TransformRequestTest {

    @Test
    void theNameEndsAtTheFirstDotAndThePoemKeepsTheRest() {
        var request = TransformRequest.parse("cummingsify.One. Two.".getBytes(StandardCharsets.UTF_8));
        assertEquals(new TransformRequest("cummingsify", "One. Two."), request);
        assertArrayEquals("cummingsify.One. Two.".getBytes(StandardCharsets.UTF_8), request.payload());
    }

    @Test
    void anEmptyPoemIsARequestToo() {
        assertEquals(new TransformRequest("upper", ""), TransformRequest.parse("upper.".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aRequestWithoutADotOrANameOrUtf8IsRejected() {
        assertThrows(BadTransformRequestException.class,
                () -> TransformRequest.parse("cummingsify".getBytes(StandardCharsets.UTF_8)));
        assertThrows(BadTransformRequestException.class,
                () -> TransformRequest.parse(".poem".getBytes(StandardCharsets.UTF_8)));
        assertThrows(BadTransformRequestException.class, () -> TransformRequest.parse(new byte[] {'a', '.', (byte) 0xff}));
        assertThrows(IllegalArgumentException.class, () -> new TransformRequest("a.b", "poem"));
    }
}
