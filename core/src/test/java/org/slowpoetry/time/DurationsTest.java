package org.slowpoetry.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void formatsLikePythonTimedeltaWithMicroseconds() {
        assertEquals("0:00:10.126361", Durations.pythonStyle(Duration.ofNanos(10_126_361_999L)));
    }

    @Test
    void omitsTheFractionWhenThereAreNoMicroseconds() {
        assertEquals("0:00:10", Durations.pythonStyle(Duration.ofSeconds(10)));
        assertEquals("0:00:00", Durations.pythonStyle(Duration.ZERO));
    }

    @Test
    void padsMinutesAndSecondsButNotHours() {
        assertEquals("12:03:04.000005", Durations.pythonStyle(Duration.ofSeconds(12 * 3600 + 184, 5_000)));
    }

    @Test
    void writesDaysAsPythonDoes() {
        assertEquals("1 day, 0:00:01", Durations.pythonStyle(Duration.ofSeconds(86_401)));
        assertEquals("2 days, 0:00:00", Durations.pythonStyle(Duration.ofDays(2)));
    }

    @Test
    void rejectsNegativeDurations() {
        assertThrows(IllegalArgumentException.class, () -> Durations.pythonStyle(Duration.ofMillis(-1)));
    }
}
