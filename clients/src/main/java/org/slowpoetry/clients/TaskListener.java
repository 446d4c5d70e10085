package org.slowpoetry.clients;

import org.slowpoetry.protocol.Address;

/**
 * Hears what each task of a fetch does, as it happens; the demo's timeline is drawn from these.
 * Listeners read the time themselves (from the run's clock) when an event arrives.
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

    /** Task {@code task} read {@code bytes} bytes (one read call, one timeline mark). */
    default void received(int task, int bytes) {
    }

    /** Task {@code task} has its whole poem (the server closed the connection). */
    default void finished(int task) {
    }

    /** Task {@code task} failed; {@code reason} is one line. */
    default void failed(int task, String reason) {
    }

    /** A listener that hears nothing. */
    static TaskListener none() {
        return new TaskListener() {
        };
    }
}
