package org.slowpoetry.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pauses between failed accepts: growing, bounded, and back to the start after a success. */
class AcceptBackoffTest {

    @Test
    void eachFailureInARowDoublesThePauseUpToTheMaximum() {
        var backoff = new AcceptBackoff();
        List<Duration> pauses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            pauses.add(backoff.next());
        }
        assertEquals(List.of(5L, 10L, 20L, 40L, 80L, 160L, 320L, 640L, 1000L, 1000L, 1000L, 1000L),
                pauses.stream().map(Duration::toMillis).toList());
        assertEquals(12, backoff.failures());
    }

    @Test
    void aSuccessStartsTheNextRunOfFailuresFromTheFirstPause() {
        var backoff = new AcceptBackoff();
        backoff.next();
        backoff.next();
        backoff.reset();
        assertEquals(0, backoff.failures());
        assertEquals(AcceptBackoff.FIRST, backoff.next());
        assertEquals(1, backoff.failures());
    }
}
