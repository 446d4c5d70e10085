package org.slowpoetry.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineRequestTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void thePoemsLinesTravelEscapedOnOneLine() {
        var request = new TransformRequest("upper", "One\\two\r\nthree\n");
        assertArrayEquals(utf8("upper One\\\\two\\r\\nthree\\n\n"), LineRequest.encode(request));
    }

    @Test
    void parsingUndoesEncodingForAnyPoem() {
        for (String poem : List.of("", "plain", "a\nb\n", "\\n is not a newline", "é\r\n\\\\")) {
            byte[] line = LineRequest.encode(new TransformRequest("cummingsify", poem));
            byte[] withoutNewline = java.util.Arrays.copyOf(line, line.length - 1);
            assertEquals(new TransformRequest("cummingsify", poem), LineRequest.parse(withoutNewline), poem);
        }
    }

    @Test
    void theNameEndsAtTheFirstSpace() {
        assertEquals(new TransformRequest("upper", "two words"), LineRequest.parse(utf8("upper two words")));
    }

    @Test
    void theReplyIsThePoemEscapedOnOneLine() {
        assertArrayEquals(utf8("A\\nB\\n\n"), LineRequest.reply("A\nB\n"));
        assertEquals("A\nB\n", LineRequest.parseReply("A\\nB\\n"));
    }

    @Test
    void aLineWithoutANameOrWithAnUnknownEscapeOrNotUtf8IsRejected() {
        for (String bad : List.of("upper", " poem", "a.b poem", "upper bad \\t escape", "upper ends in \\")) {
            assertThrows(BadTransformRequestException.class, () -> LineRequest.parse(utf8(bad)), bad);
        }
        assertThrows(BadTransformRequestException.class, () -> LineRequest.parse(new byte[] {'u', ' ', (byte) 0xff}));
    }
}
