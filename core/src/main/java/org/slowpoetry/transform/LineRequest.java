package org.slowpoetry.transform;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Our second request protocol for the transformation service (Part 12's exercise 3), for people
 * at a terminal: the request is one line, {@code NAME POEM}, and so is the reply, the transformed
 * poem; then the server closes. Lines end with {@code '\n'} ({@code "\r\n"} is accepted too), and
 * are UTF-8.
 *
 * <p>A poem has many lines, so it travels escaped: a newline is written {@code \n}, a carriage
 * return {@code \r} and a backslash {@code \\} (two characters each); every other character is
 * itself. Any other backslash sequence is a bad request. The name ends at the first space.
 *
 * {@snippet :
 * // the request     upper The Poem\nof lines\n
 * // the reply       THE POEM\nOF LINES\n
 * byte[] line = LineRequest.encode(new TransformRequest("upper", "The Poem\nof lines\n"));
 * TransformRequest back = LineRequest.parse(lineWithoutItsNewline);
 * }
 *
 * <p><b>Threading:</b> stateless; safe from any thread.
 */
public final class LineRequest {
    private LineRequest() {
    }

    /**
     * The request in one line, without its terminator.
     *
     * @throws BadTransformRequestException if the line is not UTF-8, has no space after a name, the
     *                                      name is not a valid transform name, or the poem holds a
     *                                      backslash sequence other than {@code \n}, {@code \r},
     *                                      {@code \\}
     */
    public static TransformRequest parse(byte[] line) {
        String text = StrictUtf8.decode(line)
                .orElseThrow(() -> new BadTransformRequestException("the request line is not UTF-8 text"));
        int space = text.indexOf(' ');
        if (space < 0) {
            throw new BadTransformRequestException("no space between the transform's name and the poem");
        }
        String name = text.substring(0, space);
        if (name.isEmpty() || name.indexOf('.') >= 0) {
            throw new BadTransformRequestException("'" + name + "' is not a transform name");
        }
        return new TransformRequest(name, unescape(text.substring(space + 1)));
    }

    /** The request as one line, {@code NAME POEM} with the poem escaped, and its {@code '\n'}. */
    public static byte[] encode(TransformRequest request) {
        return (request.name() + " " + escape(request.poem()) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The reply line for {@code poem}: the poem escaped, and a {@code '\n'}. */
    public static byte[] reply(String poem) {
        return (escape(poem) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The poem in a reply line (without its terminator).
     *
     * @throws BadTransformRequestException if the line holds an unknown backslash sequence
     */
    public static String parseReply(String line) {
        return unescape(line);
    }

    /** The poem on one line: newline, carriage return and backslash escaped. */
    static String escape(String poem) {
        Objects.requireNonNull(poem, "poem");
        var out = new StringBuilder(poem.length() + 16);
        for (int i = 0; i < poem.length(); i++) {
            char c = poem.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\\' -> out.append("\\\\");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The inverse of {@link #escape}. */
    static String unescape(String line) {
        var out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            int at = i;
            char next = i + 1 < line.length() ? line.charAt(++i) : '\0';
            switch (next) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case '\\' -> out.append('\\');
                default -> throw new BadTransformRequestException(
                        "a '\\' that is not \\n, \\r or \\\\ at character " + at);
            }
        }
        return out.toString();
    }
}
