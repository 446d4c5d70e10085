package org.slowpoetry.servers.proxy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as the proxy's options take them: a number and a unit, {@code 500ms}, {@code 30s},
 * {@code 2m}, {@code 2h}, or a bare number of seconds ({@code 0.5}), as {@code serve slow --delay}
 * takes them. Fractions are allowed ({@code 1.5s}), signs and other units are not.
 *
 * {@snippet :
 * Duration ttl = DurationText.parse("2h");        // PT2H
 * Duration wait = DurationText.parse("0.25");     // PT0.25S
 * }
 *
 * <p><b>Threading:</b> stateless.
 */
public final class DurationText {

    /** The longest duration accepted: a year is longer than any proxy should wait or cache. */
    public static final Duration MAX = Duration.ofDays(366);

    /** Say this in an error: what a duration looks like. */
    public static final String EXAMPLES = "like 500ms, 30s, 2m, 2h, or seconds as a number";

    private static final Pattern TEXT = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?");

    private DurationText() {
    }

    /**
     * The duration {@code text} says.
     *
     * @throws IllegalArgumentException naming {@code text}, if it is not a duration of 0 up to
     *                                  {@link #MAX}
     */
    public static Duration parse(String text) {
        Matcher m = TEXT.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (" + EXAMPLES + ")");
        }
        BigDecimal nanosPerUnit = BigDecimal.valueOf(switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> throw new AssertionError(m.group(2));
        });
        BigDecimal nanos = new BigDecimal(m.group(1)).multiply(nanosPerUnit);
        if (nanos.compareTo(BigDecimal.valueOf(MAX.toNanos())) > 0) {
            throw new IllegalArgumentException("'" + text + "' is longer than " + MAX.toDays() + " days");
        }
        return Duration.ofNanos(nanos.longValue());
    }
}
