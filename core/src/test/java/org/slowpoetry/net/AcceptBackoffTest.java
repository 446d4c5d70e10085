package org.slowpoetry.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slowpoetry.time.ManualClock;

/**
 * The pauses between failed accepts: growing, bounded, and back to the start after a success; and
 * the warnings about them, at most one per {@link AcceptBackoff#WARN_EVERY}.
 */
class AcceptBackoffTest {

    private final ManualClock clock = new ManualClock();

    @Test
    void eachFailureInARowDoublesThePauseUpToTheMaximum() {
        var backoff = new AcceptBackoff(clock);
        List<Duration> pauses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            pauses.add(backoff.next().length());
        }
        assertEquals(List.of(5L, 10L, 20L, 40L, 80L, 160L, 320L, 640L, 1000L, 1000L, 1000L, 1000L),
                pauses.stream().map(Duration::toMillis).toList());
        assertEquals(12, backoff.failures());
    }

    @Test
    void aSuccessStartsTheNextRunOfFailuresFromTheFirstPause() {
        var backoff = new AcceptBackoff(clock);
        backoff.next();
        backoff.next();
        backoff.reset();
        assertEquals(0, backoff.failures());
        assertEquals(AcceptBackoff.FIRST, backoff.next().length());
        assertEquals(1, backoff.failures());
    }

    @Test
    void onlyTheFirstFailureOfALongRunWarnsUntilTheWarningPeriodHasPassed() {
        var backoff = new AcceptBackoff(clock);
        assertTrue(backoff.next().warn(), "the first failure");
        for (int i = 0; i < 50; i++) {
            clock.advance(AcceptBackoff.MAX);
            assertFalse(backoff.next().warn(), "failure " + (i + 2) + ", " + (i + 1) + " s later");
        }
        clock.advance(AcceptBackoff.WARN_EVERY);
        assertTrue(backoff.next().warn(), "still failing a warning period later");
    }

    @Test
    void failuresThatAlternateWithSuccessesWarnAtMostOncePerPeriod() {
        // At the file limit each ending connection frees one descriptor: one accept succeeds, the next fails.
        var backoff = new AcceptBackoff(clock);
        int warnings = 0;
        for (int i = 0; i < 100; i++) {
            if (backoff.next().warn()) {
                warnings++;
            }
            backoff.reset();
            clock.advance(Duration.ofMillis(100));
        }
        assertEquals(1, warnings, "100 runs of one failure in 10 s");
        clock.advance(AcceptBackoff.WARN_EVERY);
        assertTrue(backoff.next().warn());
    }

    @Test
    void backOffsThatShareTheirWarningsWarnOncePerPeriodForTheWholeServer() {
        var warnings = new AcceptWarnings(clock, AcceptBackoff.WARN_EVERY);
        var loop0 = new AcceptBackoff(warnings);
        var loop1 = new AcceptBackoff(warnings);
        assertTrue(loop0.next().warn(), "the server's first failure warns");
        assertFalse(loop1.next().warn(), "another loop failing at once does not");
        assertEquals(AcceptBackoff.FIRST.multipliedBy(2), loop1.next().length(), "each loop keeps its own pauses");
        clock.advance(AcceptBackoff.WARN_EVERY);
        assertTrue(loop1.next().warn(), "a period later, one warning again");
        assertFalse(loop0.next().warn());
    }
}
