package org.slowpoetry.trial;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One virtual thread forked by a {@link LoomTestScope}, and its outcome: a subtask of the test, as
 * {@code StructuredTaskScope.Subtask} is of a scope, but joined one at a time.
 *
 * <p><b>Threading:</b> safe from any thread. The task runs on {@link #thread()}; whatever it did
 * happens-before {@link #join()} returns or throws.
 *
 * @param <T> what the task returns
 */
public final class Fork<T> {

    /** Where a fork is. */
    public enum State {
        /** The task has not finished. */
        RUNNING,
        /** The task returned a value. */
        SUCCEEDED,
        /** The task threw. */
        FAILED
    }

    /** How joins ended: none yet, or the test saw the outcome. */
    private enum Seen {
        NOT_JOINED,
        JOINED
    }

    private final String name;
    private final Duration timeout;
    private final CompletableFuture<T> outcome = new CompletableFuture<>();
    private final Thread thread;
    /** Written by {@link #join()} on any thread; read by the scope's check after the test. */
    private volatile Seen seen = Seen.NOT_JOINED;

    Fork(String name, Duration timeout, Callable<? extends T> task) {
        this.name = Objects.requireNonNull(name, "name");
        this.timeout = timeout;
        Objects.requireNonNull(task, "task");
        this.thread = Thread.ofVirtual().name(name).start(() -> {
            try {
                outcome.complete(task.call());
            } catch (Throwable t) {
                outcome.completeExceptionally(t);
            }
        });
    }

    /** Its name, which is its thread's. */
    public String name() {
        return name;
    }

    /** The virtual thread it runs on. */
    public Thread thread() {
        return thread;
    }

    /** Whether the task is running, returned or threw. */
    public State state() {
        if (!outcome.isDone()) {
            return State.RUNNING;
        }
        return outcome.isCompletedExceptionally() ? State.FAILED : State.SUCCEEDED;
    }

    /**
     * Waits for the task, at most the scope's timeout ({@link LoomTest#timeout()}), and returns what
     * it returned or throws what it threw, as it was (checked exceptions as they are, so that
     * {@code assertThrows(ConnectException.class, fork::join)} works).
     *
     * @throws TimeoutException if it has not finished within the timeout (it goes on running; the
     *     scope interrupts it after the test)
     * @throws InterruptedException if the waiting thread is interrupted
     * @throws Exception what the task threw (an {@link Error} as itself)
     */
    public T join() throws Exception {
        try {
            T value = outcome.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            seen = Seen.JOINED;
            return value;
        } catch (ExecutionException e) {
            seen = Seen.JOINED;
            throw switch (e.getCause()) {
                case Exception x -> x;
                case Error err -> throw err;
                case Throwable t -> new ExecutionException(t);
            };
        } catch (TimeoutException e) {
            throw new TimeoutException("fork '" + name + "' did not finish within " + timeout.toMillis() + " ms");
        }
    }

    /** What it failed with if it failed and nobody joined it, or null: a failure the test never saw. */
    Throwable unseenFailure() {
        if (seen == Seen.JOINED || state() != State.FAILED) {
            return null;
        }
        return outcome.exceptionNow();
    }

    @Override
    public String toString() {
        return "Fork[" + name + ", " + state() + "]";
    }
}
