package org.slowpoetry.clients.demo;

import java.time.Duration;

/**
 * Durations to a tenth of a second in the shape of Python's {@code timedelta} ({@code 0:00:23.1}),
 * for the demo's totals, where the text's six decimals would only be noise.
 *
 * <p><b>Threading:</b> stateless.
 */
final class ShortDurations {
    private ShortDurations() {
    }

    /** {@code 0:00:23.1}: hours, minutes, seconds and tenths, rounded to the nearest tenth. */
    static String format(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("negative duration: " + d);
        }
        long tenths = (d.toNanos() + 50_000_000) / 100_000_000;
        long seconds = tenths / 10;
        return String.format("%d:%02d:%02d.%d", seconds / 3600, seconds / 60 % 60, seconds % 60, tenths % 10);
    }
}
