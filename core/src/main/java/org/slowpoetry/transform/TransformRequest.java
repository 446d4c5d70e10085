package org.slowpoetry.transform;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One request of Part 12's transformation protocol: the name of a transform and the poem to apply
 * it to, sent as the payload of one netstring, {@code NAME.POEM} in UTF-8. The name ends at the
 * first dot; the poem is everything after it, dots included. The reply is one netstring holding the
 * transformed poem, and then the server closes the connection. Shared by every transform server and
 * client, in both styles.
 *
 * {@snippet :
 * byte[] payload = new TransformRequest("cummingsify", poem).payload();   // "cummingsify.The Poem..."
 * TransformRequest back = TransformRequest.parse(payload);
 * }
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param name the transform's name: not empty, no dot
 * @param poem the poem, any text
 */
public record TransformRequest(String name, String poem) {

    public TransformRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(poem, "poem");
        if (name.isEmpty() || name.indexOf('.') >= 0) {
            throw new IllegalArgumentException("a transform name is not empty and has no dot: '" + name + "'");
        }
    }

    /**
     * The request in a netstring's payload.
     *
     * @throws BadTransformRequestException if there is no dot, the name before it is empty, or the
     *     payload is not UTF-8
     */
    public static TransformRequest parse(byte[] payload) {
        String text = StrictUtf8.decode(payload)
                .orElseThrow(() -> new BadTransformRequestException("the request is not UTF-8 text"));
        int dot = text.indexOf('.');
        if (dot < 0) {
            throw new BadTransformRequestException("no '.' between the transform's name and the poem");
        }
        if (dot == 0) {
            throw new BadTransformRequestException("no transform name before the '.'");
        }
        return new TransformRequest(text.substring(0, dot), text.substring(dot + 1));
    }

    /** {@code NAME.POEM} in UTF-8: what goes inside the request's netstring. */
    public byte[] payload() {
        return (name + "." + poem).getBytes(StandardCharsets.UTF_8);
    }
}
