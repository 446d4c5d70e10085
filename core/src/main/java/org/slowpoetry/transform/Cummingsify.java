package org.slowpoetry.transform;

import java.util.Locale;
import java.util.Objects;

/**
 * Part 10's Cummingsifier, "in its entirety": a poem in the style of e.e. cummings is the poem in
 * lower case. It never fails; {@link FlakyCummingsifier} is the version that sometimes does, for
 * the text's error-handling examples. One implementation for both styles of client and for the
 * transformation server.
 *
 * {@snippet :
 * Cummingsify.cummingsify("The Poem")   // "the poem"
 * }
 *
 * <p><b>Threading:</b> stateless; safe from any thread.
 */
public final class Cummingsify {
    private Cummingsify() {
    }

    /** The poem in lower case (locale-independent, like Python's {@code str.lower()}). */
    public static String cummingsify(String poem) {
        return Objects.requireNonNull(poem, "poem").toLowerCase(Locale.ROOT);
    }
}
