package org.slowpoetry.transform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Our own transformations for the transformation service (Part 12's exercise 2), next to the text's
 * {@link Cummingsify}: each a small pure function of the poem's text.
 *
 * {@snippet :
 * Transforms.upper("The Poem")               // "THE POEM"
 * Transforms.reverseLines("one\ntwo\n")      // "two\none\n"
 * }
 *
 * <p><b>Threading:</b> stateless; safe from any thread.
 */
public final class Transforms {
    private Transforms() {
    }

    /** The poem shouted: in upper case (locale-independent, like Python's {@code str.upper()}). */
    public static String upper(String poem) {
        return Objects.requireNonNull(poem, "poem").toUpperCase(Locale.ROOT);
    }

    /**
     * The poem's lines in reverse order, last line first. Lines end at {@code '\n'}, which is not
     * part of the line (a {@code '\r'} before it is, so CR LF poems keep their CRs); the result ends
     * with a {@code '\n'} exactly when the poem does.
     */
    public static String reverseLines(String poem) {
        Objects.requireNonNull(poem, "poem");
        boolean terminated = poem.endsWith("\n");
        String body = terminated ? poem.substring(0, poem.length() - 1) : poem;
        List<String> lines = new ArrayList<>(List.of(body.split("\n", -1)));
        Collections.reverse(lines);
        return String.join("\n", lines) + (terminated ? "\n" : "");
    }
}
