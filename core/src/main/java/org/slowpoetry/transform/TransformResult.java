package org.slowpoetry.transform;

import java.util.Objects;

/**
 * What the {@link TransformService} made of one request: the transformed poem, or why there is
 * none. A server answers the first with a reply and the others by closing the connection with no
 * reply (Part 12), after a log line that says which it was.
 *
 * {@snippet :
 * switch (service.transform(request, timeout)) {
 *     case TransformResult.Transformed(var name, var poem) -> reply(poem);
 *     case TransformResult.Unknown(var name) -> close("unknown transform '" + name + "'");
 *     case TransformResult.Failed(var name, var cause) -> close("transform '" + name + "' failed: " + cause);
 * }
 * }
 *
 * <p><b>Threading:</b> immutable.
 */
public sealed interface TransformResult {

    /** The transform's name, as requested. */
    String name();

    /**
     * The transformed poem.
     *
     * @param name the transform that made it
     * @param poem the transformed poem
     */
    record Transformed(String name, String poem) implements TransformResult {
        public Transformed {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(poem, "poem");
        }
    }

    /**
     * No transform has this name.
     *
     * @param name the name the client asked for
     */
    record Unknown(String name) implements TransformResult {
        public Unknown {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * The transform threw, failed its stage, or did not finish in time ({@link
     * java.util.concurrent.TimeoutException}).
     *
     * @param name  the transform
     * @param cause what went wrong
     */
    record Failed(String name, Throwable cause) implements TransformResult {
        public Failed {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(cause, "cause");
        }
    }
}
