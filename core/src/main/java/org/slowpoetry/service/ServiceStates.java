package org.slowpoetry.service;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The state machine both kinds of service share: its name, its {@link ServiceState}, and the
 * parent it was added to. Every transition is a compare-and-set, so two threads racing to start a
 * service cannot both win, and the loser is told at once.
 *
 * <p><b>Threading:</b> safe from any thread. {@code state} is written by whichever thread runs a
 * step and read by any; {@code parent} is set once, by the thread building the tree.
 */
final class ServiceStates {
    private final String name;
    private final AtomicReference<ServiceState> state = new AtomicReference<>(ServiceState.NEW);
    private final AtomicReference<String> parent = new AtomicReference<>();

    ServiceStates(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a service needs a name");
        }
        this.name = name;
    }

    String name() {
        return name;
    }

    ServiceState get() {
        return state.get();
    }

    /** NEW → STARTING. @throws IllegalStateException if it was started before */
    void beginStart() {
        if (!state.compareAndSet(ServiceState.NEW, ServiceState.STARTING)) {
            throw new IllegalStateException(name + " cannot start: it is " + state.get() + " (a service starts once)");
        }
    }

    void started() {
        state.set(ServiceState.RUNNING);
    }

    void failed() {
        state.set(ServiceState.FAILED);
    }

    /**
     * RUNNING → STOPPING; true if the caller is the one to run the stop step, false if the service
     * is stopping or stopped already, or failed to start.
     *
     * @throws IllegalStateException if it was never started, or is still starting
     */
    boolean beginStop() {
        while (true) {
            ServiceState now = state.get();
            switch (now) {
                case NEW, STARTING ->
                        throw new IllegalStateException(name + " cannot stop: it is " + now + " (start it first)");
                case RUNNING -> {
                    if (state.compareAndSet(ServiceState.RUNNING, ServiceState.STOPPING)) {
                        return true;
                    }
                }
                case STOPPING, STOPPED, FAILED -> {
                    return false;
                }
            }
        }
    }

    void stopped() {
        state.set(ServiceState.STOPPED);
    }

    /** Records {@code parentName} as the parent. @throws IllegalStateException if it has one already */
    void adoptedBy(String parentName) {
        if (!parent.compareAndSet(null, parentName)) {
            throw new IllegalStateException(name + " already belongs to " + parent.get());
        }
    }

    @Override
    public String toString() {
        return name + " (" + state.get() + ")";
    }
}
