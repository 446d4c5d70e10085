package org.slowpoetry.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Ways to cut a byte stream into chunks, for proving that an incremental codec's output does not
 * depend on where the network happened to split the reads. Shared through the test-jar with the
 * other modules' codec and protocol tests.
 *
 * <p><b>Threading:</b> stateless; any thread.
 */
public final class Chunks {
    private Chunks() {}

    /** The stream whole, cut once at every position, and cut into single bytes. */
    public static List<List<byte[]>> everySplit(byte[] stream) {
        var ways = new ArrayList<List<byte[]>>();
        ways.add(List.of(stream.clone()));
        for (int cut = 0; cut <= stream.length; cut++) {
            ways.add(List.of(
                    Arrays.copyOfRange(stream, 0, cut), Arrays.copyOfRange(stream, cut, stream.length)));
        }
        ways.add(singleBytes(stream));
        return ways;
    }

    /** The stream cut twice at every pair of positions (three chunks, some possibly empty). */
    public static List<List<byte[]>> everyTwoCuts(byte[] stream) {
        var ways = new ArrayList<List<byte[]>>();
        for (int first = 0; first <= stream.length; first++) {
            for (int second = first; second <= stream.length; second++) {
                ways.add(List.of(
                        Arrays.copyOfRange(stream, 0, first),
                        Arrays.copyOfRange(stream, first, second),
                        Arrays.copyOfRange(stream, second, stream.length)));
            }
        }
        return ways;
    }

    /** One chunk per byte. */
    public static List<byte[]> singleBytes(byte[] stream) {
        var chunks = new ArrayList<byte[]>(stream.length);
        for (byte b : stream) {
            chunks.add(new byte[] {b});
        }
        return chunks;
    }

    /** Consecutive chunks of {@code size} bytes (the last may be shorter). */
    public static List<byte[]> ofSize(byte[] stream, int size) {
        var chunks = new ArrayList<byte[]>();
        for (int from = 0; from < stream.length; from += size) {
            chunks.add(Arrays.copyOfRange(stream, from, Math.min(stream.length, from + size)));
        }
        return chunks;
    }

    /** Shows a way of cutting for an assertion message, CR and LF made visible: {@code [3:a|bc,]}. */
    public static String describe(List<byte[]> chunks) {
        var text = new StringBuilder("[");
        for (int i = 0; i < chunks.size(); i++) {
            text.append(i == 0 ? "" : "|").append(new String(chunks.get(i), StandardCharsets.UTF_8)
                    .replace("\r", "\\r").replace("\n", "\\n"));
        }
        return text.append(']').toString();
    }
}
