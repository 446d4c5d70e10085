package org.slowpoetry.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slowpoetry.time.ManualClock;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TimerQueueTest {
    private final ManualClock clock = new ManualClock();
    private final TimerQueue queue = new TimerQueue(clock, operation -> { });

    @Test
    void cancelledTimersAreRemovedAtOnceSoTheyCannotLeak() {
        for (int i = 0; i < 100_000; i++) {
            queue.schedule(Duration.ofSeconds(30), () -> { }).cancel();
        }
        assertEquals(0, queue.size());
        assertEquals(null, queue.peek());
    }

    @Test
    void cancellingManyTimersOutOfAHugeQueueKeepsTheRestInOrder() {
        var random = new Random(42);
        var calls = new ArrayList<ScheduledCall>();
        for (int i = 0; i < 100_000; i++) {
            calls.add(queue.schedule(Duration.ofMillis(random.nextInt(10_000)), () -> { }));
        }
        int kept = 0;
        for (int i = 0; i < calls.size(); i++) {
            if (i % 10 == 0) {
                kept++;
            } else {
                calls.get(i).cancel();
            }
        }
        assertEquals(kept, queue.size());
        assertInOrderWhenDrained(kept);
    }

    @Test
    void randomResetsAndDelaysKeepTheHeapOrdered() {
        var random = new Random(7);
        var calls = new ArrayList<ScheduledCall>();
        for (int i = 0; i < 5_000; i++) {
            calls.add(queue.schedule(Duration.ofMillis(random.nextInt(1_000)), () -> { }));
        }
        for (int i = 0; i < 5_000; i++) {
            ScheduledCall c = calls.get(random.nextInt(calls.size()));
            if (random.nextBoolean()) {
                c.reset(Duration.ofMillis(random.nextInt(1_000)));
            } else {
                c.delay(Duration.ofMillis(random.nextInt(1_000)));
            }
        }
        assertInOrderWhenDrained(5_000);
    }

    @Test
    void pollDueStopsAtCallsScheduledAfterTheSequenceMark() {
        queue.schedule(Duration.ZERO, () -> { });
        long mark = queue.sequenceMark();
        queue.schedule(Duration.ZERO, () -> { });
        assertTrue(queue.pollDue(0, mark) != null);
        assertEquals(null, queue.pollDue(0, mark), "the second was scheduled after the mark");
        assertTrue(queue.pollDue(0, Long.MAX_VALUE) != null);
    }

    @Test
    void mixedSchedulesCancelsResetsAndPollsAgreeWithASortedList() {
        // Every operation at every heap size from empty up to a few levels deep, against a plain
        // sorted list of (time, sequence): the heap must hand out calls in exactly that order.
        var random = new Random(15);
        var live = new ArrayList<ScheduledCall>();
        Comparator<ScheduledCall> order = Comparator.<ScheduledCall>comparingLong(c -> c.time)
                .thenComparingLong(c -> c.sequence);
        for (int step = 0; step < 20_000; step++) {
            int op = random.nextInt(10);
            if (op < 4 || live.isEmpty()) {
                live.add(queue.schedule(Duration.ofMillis(random.nextInt(50)), () -> { }));
            } else if (op < 6) {
                live.remove(random.nextInt(live.size())).cancel();
            } else if (op < 8) {
                live.get(random.nextInt(live.size())).reset(Duration.ofMillis(random.nextInt(50)));
            } else {
                ScheduledCall expected = live.stream().min(order).orElseThrow();
                assertSame(expected, queue.pollDue(Long.MAX_VALUE, Long.MAX_VALUE));
                live.remove(expected);
            }
            assertEquals(live.size(), queue.size());
        }
    }

    private void assertInOrderWhenDrained(int expected) {
        List<long[]> drained = new ArrayList<>();
        for (ScheduledCall c; (c = queue.pollDue(Long.MAX_VALUE, Long.MAX_VALUE)) != null; ) {
            drained.add(new long[] {c.time, c.sequence});
        }
        assertEquals(expected, drained.size());
        for (int i = 1; i < drained.size(); i++) {
            long[] a = drained.get(i - 1);
            long[] b = drained.get(i);
            assertTrue(a[0] < b[0] || (a[0] == b[0] && a[1] < b[1]), "out of order at " + i);
        }
    }
}
