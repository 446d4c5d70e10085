package org.slowpoetry.loom;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ScopesTest {

    @Test
    void outcomesComeBackInInputOrderWhateverOrderTasksFinishIn() throws Exception {
        List<String> inputs = List.of("a", "b", "c", "d");
        // Task i may finish only after task i+1 has: they finish d, c, b, a.
        List<CountDownLatch> done = inputs.stream().map(s -> new CountDownLatch(1)).toList();
        Queue<String> finished = new ConcurrentLinkedQueue<>();
        List<Outcome<String>> outcomes = Scopes.forEachInOrder(inputs, input -> {
            int i = inputs.indexOf(input);
            if (i + 1 < inputs.size()) {
                done.get(i + 1).await();
            }
            finished.add(input);
            done.get(i).countDown();
            return input.toUpperCase();
        });
        assertEquals(List.of("d", "c", "b", "a"), List.copyOf(finished));
        assertEquals(List.of(new Outcome.Success<>("A"), new Outcome.Success<>("B"), new Outcome.Success<>("C"),
                new Outcome.Success<>("D")), outcomes);
    }

    @Test
    void allTasksRunAtOnce() throws Exception {
        int n = 200;
        var everyoneStarted = new CountDownLatch(n);
        List<Outcome<Integer>> outcomes = Scopes.forEachInOrder(IntStream.range(0, n).boxed().toList(), i -> {
            everyoneStarted.countDown();
            everyoneStarted.await(); // returns only if all n tasks are running together
            return i;
        });
        assertEquals(n, outcomes.size());
        assertTrue(outcomes.stream().allMatch(o -> o instanceof Outcome.Success<Integer>));
    }

    @Test
    void aFailingTaskDoesNotStopTheOthers() throws Exception {
        var refused = new java.net.ConnectException("Connection refused");
        List<Outcome<String>> outcomes = Scopes.forEachInOrder(List.of(1, 2, 3), n -> {
            if (n == 2) {
                throw refused;
            }
            return "poem " + n;
        });
        assertEquals(new Outcome.Success<>("poem 1"), outcomes.get(0));
        assertSame(refused, assertInstanceOf(Outcome.Failure.class, outcomes.get(1)).cause());
        assertEquals(new Outcome.Success<>("poem 3"), outcomes.get(2));
    }

    @Test
    void tasksThatMissTheDeadlineAreInterruptedAndReportedAsTimedOut() throws Exception {
        var slowThread = new AtomicReference<Thread>();
        var slowSaw = new AtomicReference<Throwable>();
        List<Outcome<String>> outcomes = Scopes.forEachInOrder(List.of("quick", "stuck"), Duration.ofMillis(200),
                name -> {
                    if (name.equals("stuck")) {
                        slowThread.set(Thread.currentThread());
                        try {
                            new Mailbox<String>().receive(); // nothing will ever come
                        } catch (InterruptedException e) {
                            slowSaw.set(e);
                            throw e;
                        }
                    }
                    return name;
                });
        assertEquals(new Outcome.Success<>("quick"), outcomes.get(0));
        var failure = assertInstanceOf(Outcome.Failure.class, outcomes.get(1));
        var timeout = assertInstanceOf(TimeoutException.class, failure.cause());
        assertEquals("Task 2 (stuck) did not finish within PT0.2S", timeout.getMessage());
        assertInstanceOf(InterruptedException.class, slowSaw.get(), "the late task was not interrupted");
        assertFalse(slowThread.get().isAlive(), "a task's thread outlived forEachInOrder");
    }

    @Test
    void eachTaskSeesItsOwnContextAndThreadName() throws Exception {
        List<Outcome<String>> outcomes = Scopes.forEachInOrder(List.of("10001", "10002"),
                port -> TaskContext.current() + " " + TaskContext.current().peer() + " " + Thread.currentThread().getName());
        assertEquals(List.of(new Outcome.Success<>("Task 1 10001 task-1"), new Outcome.Success<>("Task 2 10002 task-2")),
                outcomes);
        assertFalse(TaskContext.CURRENT.isBound(), "the caller is not a task");
    }

    @Test
    void interruptingTheCallerEndsEveryTaskBeforeItReturns() throws Exception {
        Queue<Thread> taskThreads = new ConcurrentLinkedQueue<>();
        var callerSaw = new AtomicReference<Throwable>();
        var aliveWhenCallerReturned = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                Scopes.forEachInOrder(List.of(1, 2, 3), n -> {
                    taskThreads.add(Thread.currentThread());
                    return new Mailbox<String>().receive();
                });
            } catch (Throwable t) {
                callerSaw.set(t);
                aliveWhenCallerReturned.set(taskThreads.stream().anyMatch(Thread::isAlive));
            }
        });
        await().until(() -> taskThreads.size() == 3);
        caller.interrupt();
        caller.join();
        assertInstanceOf(InterruptedException.class, callerSaw.get());
        assertFalse(aliveWhenCallerReturned.get(), "a task was still running when the caller got control back");
    }

    @Test
    void aTimeoutMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> Scopes.forEachInOrder(List.of(1), Duration.ZERO, n -> n));
    }
}
