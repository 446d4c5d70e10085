package org.slowpoetry.loom;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.StructuredTaskScope.Joiner;
import java.util.concurrent.StructuredTaskScope.Subtask;

/**
 * A {@link Joiner} that never cancels (like {@link Joiner#awaitAll()}) and records each subtask's
 * {@link Outcome} as it completes, so the owner can read them by fork order even after a timeout.
 *
 * <p>Why not {@code awaitAll()} and {@link Subtask#get()}? When a scope's timeout expires,
 * {@code join()} throws {@code TimeoutException}, and the owner may then not call {@code get()}
 * or {@code exception()} on any subtask, not even on those that finished in time. A joiner sees
 * every subtask that completes before the scope is cancelled, in {@link #onComplete}, where it
 * may read the result; so it keeps the results itself.
 *
 * <p><b>Threading:</b> {@link #onFork} and {@link #outcome} run on the scope's owner thread;
 * {@link #onComplete} runs on the subtasks' threads, concurrently. A subtask's thread starts after
 * its {@code onFork}, so its index is visible to its {@code onComplete}; the owner reads outcomes
 * only after the scope is closed, when every thread has ended.
 */
final class InOrderJoiner<T> implements Joiner<T, Void> {

    /** Subtasks in fork order. Written by onFork, read by outcome; owner thread only. */
    private final List<Subtask<? extends T>> forked = new ArrayList<>();
    /** Outcomes of subtasks that completed before cancellation. Written by subtask threads. */
    private final Map<Subtask<? extends T>, Outcome<T>> completed = new ConcurrentHashMap<>();

    @Override
    public boolean onFork(Subtask<? extends T> subtask) {
        forked.add(subtask);
        return false; // never cancel
    }

    @Override
    public boolean onComplete(Subtask<? extends T> subtask) {
        Outcome<T> outcome = switch (subtask.state()) {
            case SUCCESS -> new Outcome.Success<>(subtask.get());
            case FAILED -> new Outcome.Failure<>(subtask.exception());
            case UNAVAILABLE -> throw new AssertionError("onComplete is called only for completed subtasks");
        };
        completed.put(subtask, outcome);
        return false; // never cancel: a failure does not stop the others
    }

    @Override
    public Void result() {
        return null; // the owner reads outcome(i) instead, which also works after a timeout
    }

    /** The outcome of the {@code index}-th forked subtask, if it completed before any cancellation. */
    Optional<Outcome<T>> outcome(int index) {
        return Optional.ofNullable(completed.get(forked.get(index)));
    }
}
