package org.slowpoetry.loom;

import java.time.Duration;
import java.util.Objects;

/**
 * How many restarts a {@link Supervisor} may make in a sliding window of time before it decides
 * that restarting does not help, stops its children and fails itself: OTP's {@code intensity} and
 * {@code period}. Without a limit, a child that crashes as soon as it starts (a missing file, a
 * port in use) would be restarted in a tight loop forever.
 *
 * <p>The window is measured on the supervisor's {@link org.slowpoetry.time.MonotonicClock}, so
 * tests drive it with a {@link org.slowpoetry.time.ManualClock}.
 *
 * <p><b>Threading:</b> an immutable value.
 *
 * @param maxRestarts the most restarts allowed within {@code period}; 0 means fail on the first
 * @param period      the length of the sliding window, positive
 */
public record RestartIntensity(int maxRestarts, Duration period) {

    /** OTP's default: at most 1 restart in 5 seconds. */
    public static final RestartIntensity DEFAULT = new RestartIntensity(1, Duration.ofSeconds(5));

    public RestartIntensity {
        Objects.requireNonNull(period, "period");
        if (maxRestarts < 0) {
            throw new IllegalArgumentException("max restarts must not be negative: " + maxRestarts);
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("restart period must be positive: " + period);
        }
    }
}
