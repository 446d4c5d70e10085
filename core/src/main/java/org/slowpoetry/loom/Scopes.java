package org.slowpoetry.loom;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.TimeoutException;

/**
 * Fan-out with {@link StructuredTaskScope} (JEP 505, a preview API in JDK 25): one subtask per
 * input, all at once, each on its own virtual thread, and their outcomes back in input order.
 * This is the shape of every poetry client after Part 5: fetch from all the servers at once,
 * then print the poems in the order the servers were given (Part 20, exercise 4).
 *
 * {@snippet :
 * List<Outcome<byte[]>> poems = Scopes.forEachInOrder(addresses, Duration.ofSeconds(30), address -> {
 *     try (var socket = new Socket(address.host(), address.port())) {   // blocking is fine here
 *         return socket.getInputStream().readAllBytes();
 *     }
 * });
 * }
 *
 * <p>While a task runs, {@link TaskContext#current()} says which one it is (1-based, in input
 * order) and, as its peer, the input's {@code toString()}. Threads are named {@code task-N}.
 *
 * <p><b>Structure.</b> The scope is opened, forked into, joined and closed inside the call, so no
 * thread outlives it: when it returns or throws, every subtask's thread has ended. A failing task
 * does not cancel the others. If the timeout expires, the scope is cancelled: unfinished tasks
 * are interrupted (a blocked socket read on a virtual thread is interruptible: the socket is
 * closed) and waited for, and their outcome is a {@link Outcome.Failure} holding a
 * {@link TimeoutException}.
 *
 * <p>The timeout is measured in real time by the scope itself
 * ({@link StructuredTaskScope.Configuration#withTimeout}), not on a
 * {@link org.slowpoetry.time.MonotonicClock}.
 *
 * <p><b>Threading:</b> call from any thread. Tasks run on new virtual threads and may block. They
 * inherit the caller's {@link ScopedValue} bindings. The calling thread is the scope's owner, so
 * {@code forEachInOrder} may not be called in a way that would close scopes out of order (a
 * {@link java.util.concurrent.StructureViolationException} is thrown if it is).
 */
public final class Scopes {

    /**
     * The work done for one input; may block, may throw.
     *
     * <p><b>Threading:</b> runs on its own virtual thread, concurrently with the other inputs'
     * tasks, with {@link TaskContext#CURRENT} bound; it should end promptly when interrupted.
     *
     * @param <I> the input type
     * @param <O> the result type
     */
    @FunctionalInterface
    public interface Task<I, O> {
        O run(I input) throws Exception;
    }

    private Scopes() {
    }

    /**
     * Runs {@code task} once per input, concurrently, with no deadline.
     *
     * @return one outcome per input, in input order
     * @throws InterruptedException if the calling thread is interrupted while waiting; every task
     *         has been interrupted and has ended by the time it is thrown
     */
    public static <I, O> List<Outcome<O>> forEachInOrder(List<? extends I> inputs, Task<? super I, ? extends O> task)
            throws InterruptedException {
        return run(inputs, null, task);
    }

    /**
     * Runs {@code task} once per input, concurrently; tasks not done within {@code timeout} of the
     * call are interrupted and reported as timed out.
     *
     * @return one outcome per input, in input order
     * @throws IllegalArgumentException if {@code timeout} is not positive
     * @throws InterruptedException if the calling thread is interrupted while waiting; every task
     *         has been interrupted and has ended by the time it is thrown
     */
    public static <I, O> List<Outcome<O>> forEachInOrder(List<? extends I> inputs, Duration timeout,
            Task<? super I, ? extends O> task) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        return run(inputs, timeout, task);
    }

    private static <I, O> List<Outcome<O>> run(List<? extends I> inputs, Duration timeout,
            Task<? super I, ? extends O> task) throws InterruptedException {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(task, "task");
        var joiner = new InOrderJoiner<O>();
        boolean timedOut = false;
        try (var scope = StructuredTaskScope.open(joiner, config -> {
            var named = config.withName("forEachInOrder")
                    .withThreadFactory(Thread.ofVirtual().name("task-", 1).factory());
            return timeout == null ? named : named.withTimeout(timeout);
        })) {
            int number = 0;
            for (I input : inputs) {
                var context = new TaskContext(++number, String.valueOf(input));
                scope.fork(() -> ScopedValue.where(TaskContext.CURRENT, context).call(() -> task.run(input)));
            }
            try {
                scope.join();
            } catch (StructuredTaskScope.TimeoutException e) {
                timedOut = true; // the scope is cancelled; close() below waits for the interrupted tasks
            }
        }
        // Closed: every subtask thread has ended, so each outcome is final.
        List<Outcome<O>> outcomes = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            int task1 = i + 1;
            Object input = inputs.get(i);
            assert timedOut || joiner.outcome(i).isPresent();
            outcomes.add(joiner.outcome(i).orElseGet(() -> new Outcome.Failure<>(new TimeoutException(
                    "Task " + task1 + " (" + input + ") did not finish within " + timeout))));
        }
        return outcomes;
    }
}
