package org.slowpoetry.clients;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slowpoetry.fetch.FetchFailure;
import org.slowpoetry.fetch.PoemResult;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.time.ManualClock;

/** The one task state machine every style drives. */
class PoemTaskTest {
    private static final Address ADDRESS = Address.parse("10000");
    private final ManualClock clock = new ManualClock();
    private final RecordingListener events = new RecordingListener();
    private final PoemTask task = new PoemTask(1, ADDRESS, clock, events);

    @Test
    void aFetchedTaskIsTimedFromItsStartAndTheListenerHearsEachEventInOrder() {
        task.start();
        clock.advance(Duration.ofMillis(250));
        task.received(3);
        task.received(2);
        clock.advance(Duration.ofMillis(750));
        var fetched = assertInstanceOf(TaskOutcome.Fetched.class, task.fetched("abcde".getBytes()));

        assertEquals(Duration.ofSeconds(1), fetched.elapsed());
        assertEquals(5, task.received());
        assertEquals(PoemTask.State.FETCHED, task.state());
        assertEquals(List.of("started 1 " + ADDRESS, "received 1 3", "received 1 2", "finished 1"), events.events());
    }

    @Test
    void anEmptyPoemIsNoPoem() {
        task.start();

        var failed = assertInstanceOf(TaskOutcome.Failed.class, task.fetched(new byte[0]));
        assertEquals(new FetchFailure.NoPoem(ADDRESS), failed.failure());
        assertEquals(PoemTask.State.FAILED, task.state());
    }

    @Test
    void aFailedTaskKeepsTheFailureValueAndTheBytesThatCame() {
        task.start();
        task.received(2);
        var lost = new FetchFailure.Lost(ADDRESS, 2, "Connection reset");

        var failed = assertInstanceOf(TaskOutcome.Failed.class,
                task.end(new PoemResult.Failed(lost, new byte[] {'a', 'b'})));
        assertEquals(lost, failed.failure());
        assertArrayEquals(new byte[] {'a', 'b'}, failed.partial());
        assertEquals("failed 1 " + PoetryLines.reason(lost), events.events().getLast());
    }

    @Test
    void eventsOutOfOrderThrowAtOnce() {
        assertThrows(IllegalStateException.class, () -> task.received(1), "bytes before the start");
        assertThrows(IllegalStateException.class, task::outcome, "no outcome before the end");
        task.start();
        assertThrows(IllegalStateException.class, task::start, "a second start");
        assertThrows(IllegalArgumentException.class, () -> task.received(0));
        task.fetched(new byte[] {1});
        assertThrows(IllegalStateException.class, () -> task.fetched(new byte[] {1}), "a second end");
        assertThrows(IllegalStateException.class,
                () -> task.failed(new FetchFailure.Refused(ADDRESS), new byte[0]), "a failure after the poem");
        assertThrows(IllegalArgumentException.class, () -> new PoemTask(0, ADDRESS, clock, events));
    }

    @Test
    @Timeout(10)
    void whenTwoThreadsRaceToEndATaskExactlyOneWins() throws Exception {
        for (int round = 0; round < 200; round++) {
            PoemTask racing = new PoemTask(1, ADDRESS, clock, TaskListener.none());
            racing.start();
            AtomicInteger losers = new AtomicInteger();
            try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
                Future<?> a = threads.submit(() -> endOrCount(() -> racing.fetched(new byte[] {1}), losers));
                Future<?> b = threads.submit(() -> endOrCount(
                        () -> racing.failed(new FetchFailure.TimedOut(ADDRESS, true, 1, Duration.ofSeconds(1)), new byte[0]),
                        losers));
                a.get();
                b.get();
            }
            assertEquals(1, losers.get());
        }
    }

    private static void endOrCount(Runnable end, AtomicInteger losers) {
        try {
            end.run();
        } catch (IllegalStateException lost) {
            losers.incrementAndGet();
        }
    }
}
