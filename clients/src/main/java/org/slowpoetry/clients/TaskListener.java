package org.slowpoetry.clients;

import org.slowpoetry.fetch.FetchFailure;
import org.slowpoetry.protocol.Address;

/**
 * Hears what each task of a fetch does, as it happens; the demo's timeline is drawn from these.
 * Listeners read the time themselves (from the run's clock) when an event arrives.
 *
 * <p>Every style calls these through {@link PoemTask}, never directly, so the order below holds
 * for all of them.
 *
 * <p><b>Threading:</b> styles call these from whatever thread does the work (the caller, a
 * virtual thread per task, the reactor thread); implementations must be thread-safe. Events of one
 * task arrive in order: {@code started}, any number of {@code received}, then {@code finished} or
 * {@code failed}.
 */
public interface TaskListener {

    /** Task {@code task} (1-based) begins: it is about to connect to {@code address}. */
    default void started(int task, Address address) {
    }

    /**
     * Task {@code task} read {@code bytes} bytes, at least 1: one read (for the select client, all
     * it could read at one wake-up), one mark on the demo's timeline.
     */
    default void received(int task, int bytes) {
    }

    /** Task {@code task} has its whole poem (the server closed the connection). */
    default void finished(int task) {
    }

    /** Task {@code task} failed, for the reason {@code failure} ({@link PoetryLines#reason} words it). */
    default void failed(int task, FetchFailure failure) {
    }

    /**
     * A listener that passes every event to this one, then to {@code next}.
     *
     * {@snippet :
     * TaskListener both = timeline.andThen(progress);
     * }
     */
    default TaskListener andThen(TaskListener next) {
        java.util.Objects.requireNonNull(next, "next");
        TaskListener first = this;
        return new TaskListener() {
            @Override
            public void started(int task, Address address) {
                first.started(task, address);
                next.started(task, address);
            }

            @Override
            public void received(int task, int bytes) {
                first.received(task, bytes);
                next.received(task, bytes);
            }

            @Override
            public void finished(int task) {
                first.finished(task);
                next.finished(task);
            }

            @Override
            public void failed(int task, FetchFailure failure) {
                first.failed(task, failure);
                next.failed(task, failure);
            }
        };
    }

    /** A listener that hears nothing. */
    static TaskListener none() {
        return new TaskListener() {
        };
    }
}
