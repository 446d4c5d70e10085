package org.slowpoetry.transform;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decodes request bytes as UTF-8, refusing malformed input instead of replacing it: a request that
 * is not text is a bad request, not a poem with U+FFFD in it.
 *
 * <p><b>Threading:</b> stateless; safe from any thread (each call has its own decoder).
 */
final class StrictUtf8 {
    private StrictUtf8() {
    }

    /** The text, or empty if the bytes are not well-formed UTF-8. */
    static Optional<String> decode(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
