package org.slowpoetry.defer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.reactor.ReactorThread;

/**
 * The hand-off's promise under stress, with a real loop thread: inline-callbacks bodies and loop
 * callbacks never run at the same time, and they see each other's plain (unsynchronized) writes.
 * Likewise a generator's body and its consumer.
 */
class HandoffStressTest {
    private static final int BODIES = 20;
    private static final int ROUNDS = 200;

    /** 0 when nobody runs our code, 1 when someone does; anything else is an overlap. */
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger overlaps = new AtomicInteger();
    /** Incremented by bodies and loop tasks with no synchronization but the hand-off. */
    private long plainCounter;

    private void enter() {
        if (!running.compareAndSet(0, 1)) {
            overlaps.incrementAndGet();
        }
    }

    private void exit() {
        if (!running.compareAndSet(1, 0)) {
            overlaps.incrementAndGet();
        }
    }

    @Test
    @Timeout(60)
    void inlineCallbacksBodiesAndLoopCallbacksNeverRunAtTheSameTime() throws Exception {
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        try (Reactor loop = Reactor.open()) {
            loop.setUncaughtExceptionHandler(errors::add);
            try (ReactorThread loopThread = ReactorThread.start(loop, "test-loop")) {
                ArrayDeque<Deferred<Integer>> pending = new ArrayDeque<>(); // loop thread or baton holder
                Set<Thread> bodyThreads = ConcurrentHashMap.newKeySet();
                CountDownLatch finished = new CountDownLatch(BODIES);
                List<Integer> sums = new ArrayList<>(); // loop thread

                loopThread.call(() -> {
                    for (int b = 0; b < BODIES; b++) {
                        InlineCallbacks.run(loop, ic -> {
                            bodyThreads.add(Thread.currentThread());
                            int sum = 0;
                            for (int i = 0; i < ROUNDS; i++) {
                                enter();
                                plainCounter++;
                                Deferred<Integer> tick = new Deferred<>();
                                if (i % 50 == 0) {
                                    loop.callLater(Duration.ZERO, () -> tick.callback(1)); // through the baton
                                } else {
                                    pending.add(tick);
                                }
                                exit();
                                sum += ic.await(tick);
                            }
                            return sum;
                        }).addCallback(sum -> {
                            sums.add(sum);
                            finished.countDown();
                            return null;
                        });
                    }
                    return null;
                });

                // A feeder thread keeps a few "tick" tasks queued on the loop; each fires one waiting body.
                AtomicInteger ticksRun = new AtomicInteger();
                AtomicBoolean done = new AtomicBoolean();
                Semaphore queued = new Semaphore(4);
                Thread feeder = Thread.ofPlatform().name("feeder").start(() -> {
                    while (!done.get()) {
                        try {
                            if (!queued.tryAcquire(10, TimeUnit.MILLISECONDS)) {
                                continue;
                            }
                        } catch (InterruptedException e) {
                            return;
                        }
                        loop.callFromThread(() -> {
                            try {
                                enter();
                                plainCounter++;
                                ticksRun.incrementAndGet();
                                Deferred<Integer> next = pending.poll();
                                exit();
                                if (next != null) {
                                    next.callback(1); // runs that body, here, with the loop thread parked
                                }
                            } finally {
                                queued.release();
                            }
                        });
                    }
                });
                try {
                    assertTrue(finished.await(45, TimeUnit.SECONDS), "the bodies did not finish");
                } finally {
                    done.set(true);
                    feeder.join();
                }
                long counted = loopThread.call(() -> plainCounter);
                List<Integer> finalSums = loopThread.call(() -> List.copyOf(sums));

                assertEquals(0, overlaps.get(), "a body and the loop ran at the same time");
                assertEquals((long) BODIES * ROUNDS + ticksRun.get(), counted, "a plain write was lost");
                assertEquals(BODIES, finalSums.size());
                assertTrue(finalSums.stream().allMatch(s -> s == ROUNDS), finalSums.toString());
                assertEquals(BODIES, bodyThreads.size());
                assertTrue(bodyThreads.stream().allMatch(Thread::isVirtual));
            }
        }
        assertEquals(List.of(), errors, "a loop callback threw");
    }

    @Test
    @Timeout(30)
    void aGeneratorBodyAndItsConsumerNeverRunAtTheSameTime() {
        int values = 20_000;
        try (Generator<Integer> gen = Generator.of(y -> {
            for (int i = 0; i < values; i++) {
                enter();
                plainCounter++;
                exit();
                y.yield(i);
            }
        })) {
            long expectedSum = 0;
            long sum = 0;
            for (int n : gen) {
                enter();
                plainCounter++;
                sum += n;
                expectedSum += plainCounter / 2; // consumer's count after this round equals 2 * (n + 1)
                exit();
            }
            assertEquals(0, overlaps.get());
            assertEquals(2L * values, plainCounter);
            assertEquals((long) values * (values - 1) / 2, sum);
            assertEquals((long) values * (values + 1) / 2, expectedSum);
        }
    }
}
