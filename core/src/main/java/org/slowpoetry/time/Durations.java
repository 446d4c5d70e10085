package org.slowpoetry.time;

import java.time.Duration;

/** Formatting of durations the way the text's programs print them. */
public final class Durations {
    private Durations() {
    }

    /**
     * Formats like Python's {@code str(timedelta)}, which the text's clients print:
     * {@code 0:00:10.126361}, or {@code 0:00:10} when there are no microseconds; hours are not
     * padded and days are written {@code 1 day, 2:03:04}.
     */
    public static String pythonStyle(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("negative duration: " + d);
        }
        long micros = d.toNanos() / 1_000;
        long seconds = micros / 1_000_000;
        long fraction = micros % 1_000_000;
        long days = seconds / 86_400;
        long rest = seconds % 86_400;
        String clock = String.format("%d:%02d:%02d", rest / 3600, rest / 60 % 60, rest % 60);
        if (fraction != 0) {
            clock += String.format(".%06d", fraction);
        }
        return days == 0 ? clock : days + (days == 1 ? " day, " : " days, ") + clock;
    }
}
