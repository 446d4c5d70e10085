package org.slowpoetry.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number of bytes as a user types it after an option such as {@code get --max-poem}: plain bytes,
 * or a whole number with a binary unit, {@code k} (KiB), {@code m} (MiB) or {@code g} (GiB), which
 * may be written {@code kb} or {@code KiB} too, in any case, after a space or not; {@code b} is
 * bytes. The one parser of sizes on the command line, and its inverse for help texts and messages.
 *
 * {@snippet :
 * ByteSize.parse("4096");     // 4096
 * ByteSize.parse("64k");      // 65536
 * ByteSize.parse("16 MB");    // 16777216
 * ByteSize.parse("1.5m");     // IllegalArgumentException: not a size: write bytes, or a whole number ...
 * ByteSize.format(16 << 20);  // "16m"
 * }
 *
 * <p>A command words the error with the option it came from:
 * {@code bad --max-poem '1.5m': not a size: write bytes, or a whole number with k, m or g (64k, 16m)}.
 *
 * <p><b>Threading:</b> stateless; pure functions.
 */
public final class ByteSize {

    /** The units' letters, each 1024 times the one before, after plain bytes. */
    private static final String UNITS = "kmg";
    /** Digits, then a unit or none: {@code 16}, {@code 16m}, {@code 16 MB}, {@code 16MiB}, {@code 16b}. */
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(?:([kmg])(?:i?b)?|b)?");

    private ByteSize() {
    }

    /**
     * The number of bytes {@code text} stands for: at least 0, at most {@link Long#MAX_VALUE}.
     *
     * @throws IllegalArgumentException if {@code text} is not a size, or too large for a
     *     {@code long}; the message is a clause that names the problem, not the input
     */
    public static long parse(String text) {
        Matcher size = SIZE.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (!size.matches()) {
            throw new IllegalArgumentException("not a size: write bytes, or a whole number with k, m or g (64k, 16m)");
        }
        int shift = size.group(2) == null ? 0 : 10 * (UNITS.indexOf(size.group(2)) + 1);
        long number;
        try {
            number = Long.parseLong(size.group(1));
        } catch (NumberFormatException tooManyDigits) {
            throw new IllegalArgumentException("too large", tooManyDigits);
        }
        if (number > Long.MAX_VALUE >> shift) {
            throw new IllegalArgumentException("too large");
        }
        return number << shift;
    }

    /**
     * {@code bytes} as {@link #parse} reads it, in the largest unit that holds it exactly:
     * {@code 16m}, {@code 64k}, {@code 1000}.
     *
     * @throws IllegalArgumentException if {@code bytes} is negative
     */
    public static String format(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative size: " + bytes);
        }
        for (int unit = UNITS.length(); unit > 0; unit--) {
            long size = 1L << (10 * unit);
            if (bytes != 0 && bytes % size == 0) {
                return bytes / size + UNITS.substring(unit - 1, unit);
            }
        }
        return Long.toString(bytes);
    }
}
