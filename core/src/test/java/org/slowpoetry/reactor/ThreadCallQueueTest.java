package org.slowpoetry.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.spi.SelectorProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** callFromThread's queue wakes the selector only when the loop sleeps, and only once per sleep. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ThreadCallQueueTest {

    /** A selector that only counts wakeups. */
    static final class CountingSelector extends Selector {
        final AtomicInteger wakeups = new AtomicInteger();

        @Override
        public Selector wakeup() {
            wakeups.incrementAndGet();
            return this;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public SelectorProvider provider() {
            return SelectorProvider.provider();
        }

        @Override
        public Set<SelectionKey> keys() {
            return Set.of();
        }

        @Override
        public Set<SelectionKey> selectedKeys() {
            return Set.of();
        }

        @Override
        public int selectNow() {
            return 0;
        }

        @Override
        public int select(long timeout) {
            return 0;
        }

        @Override
        public int select() {
            return 0;
        }

        @Override
        public void close() {
        }
    }

    private final CountingSelector selector = new CountingSelector();
    private final ThreadCallQueue queue = new ThreadCallQueue(selector);

    @Test
    void aLoopThatIsAwakeIsNeverWoken() {
        for (int i = 0; i < 1_000; i++) {
            queue.add(() -> { });
        }
        assertEquals(0, selector.wakeups.get());
    }

    @Test
    void aSleepingLoopIsWokenOnceHoweverManyTasksArrive() throws Exception {
        assertTrue(queue.prepareToSleep(), "nothing queued: the loop may block");
        var producers = new ArrayList<Thread>();
        for (int t = 0; t < 4; t++) {
            producers.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 1_000; i++) {
                    queue.add(() -> { });
                }
            }));
        }
        for (Thread p : producers) {
            p.join();
        }
        assertEquals(1, selector.wakeups.get());
        queue.awake();
        assertFalse(queue.prepareToSleep(), "tasks are waiting: the loop must not block");
        queue.awake();
    }

    @Test
    void tasksRunOldestFirstAndAFloodIsTakenInSlices() {
        var ran = new ArrayList<Integer>();
        for (int i = 0; i < 10; i++) {
            int n = i;
            queue.add(() -> ran.add(n));
        }
        assertTrue(queue.runSome(4, Runnable::run), "more remain");
        assertEquals(List.of(0, 1, 2, 3), ran);
        assertFalse(queue.runSome(100, Runnable::run));
        assertEquals(10, ran.size());
    }

    @Test
    void discardingCancelsFuturesSoTheirWaitersAreReleased() {
        var future = new FutureTask<>(() -> 42);
        queue.add(future);
        queue.add(() -> { });
        assertEquals(2, queue.discard());
        assertTrue(future.isCancelled());
        assertTrue(queue.isEmpty());
    }
}
