package org.slowpoetry.clients.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.fetch.FetchFailure;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.time.ManualClock;

/** Recording task events against a clock: the timeline's contract, on a ManualClock. */
class TimelineTest {
    private static final FetchFailure.Lost LOST =
            new FetchFailure.Lost(Address.parse("10001"), 13, "Connection reset");
    private final ManualClock clock = new ManualClock();
    private final Address a = Address.parse("10000");
    private final Address b = Address.parse("10001");

    @Test
    void recordsEachEventAtTheClocksTimeSinceCreation() {
        clock.advance(Duration.ofSeconds(100)); // time zero is when the timeline starts, not the clock's origin
        Timeline timeline = Timeline.start(clock);
        timeline.started(1, a);
        clock.advance(Duration.ofMillis(100));
        timeline.received(1, 30);
        clock.advance(Duration.ofMillis(100));
        timeline.started(2, b);
        timeline.received(1, 13);
        timeline.finished(1);
        clock.advance(Duration.ofMillis(300));
        timeline.failed(2, LOST);
        clock.advance(Duration.ofMillis(50));
        timeline.stop();
        clock.advance(Duration.ofSeconds(9)); // after stop: ignored

        Recording recording = timeline.recording();
        assertEquals(Duration.ofMillis(550), recording.total());
        assertEquals(List.of(
                new Recording.Track(1, a, Duration.ZERO,
                        List.of(new Recording.Read(Duration.ofMillis(100), 30), new Recording.Read(Duration.ofMillis(200), 13)),
                        Duration.ofMillis(200), Recording.Ending.FINISHED, ""),
                new Recording.Track(2, b, Duration.ofMillis(200), List.of(), Duration.ofMillis(500),
                        Recording.Ending.FAILED, PoetryLines.reason(LOST))), recording.tracks());
        assertEquals(2, recording.reads());
        assertEquals(43, recording.bytes());
    }

    @Test
    void aSnapshotWhileRecordingShowsUnfinishedTasksRunningUntilNow() {
        Timeline timeline = Timeline.start(clock);
        timeline.started(1, a);
        clock.advance(Duration.ofSeconds(2));
        Recording.Track track = timeline.recording().tracks().getFirst();
        assertEquals(Recording.Ending.RUNNING, track.ending());
        assertEquals(Duration.ofSeconds(2), track.end());
    }

    @Test
    void tracksAreInTaskOrderWhateverOrderTheyStartedIn() {
        Timeline timeline = Timeline.start(clock);
        timeline.started(3, a);
        timeline.started(1, b);
        assertEquals(List.of(1, 3), timeline.recording().tracks().stream().map(Recording.Track::task).toList());
    }

    @Test
    void eventsOutOfOrderThrowAtOnce() {
        Timeline timeline = Timeline.start(clock);
        assertThrows(IllegalStateException.class, () -> timeline.received(1, 10), "read before start");
        timeline.started(1, a);
        assertThrows(IllegalStateException.class, () -> timeline.started(1, a), "started twice");
        timeline.finished(1);
        assertThrows(IllegalStateException.class, () -> timeline.received(1, 10), "read after finish");
        assertThrows(IllegalStateException.class, () -> timeline.failed(1, LOST), "failed after finish");
        timeline.stop();
        assertThrows(IllegalStateException.class, timeline::stop, "stopped twice");
        assertThrows(IllegalStateException.class, () -> timeline.started(2, b), "event after stop");
    }
}
