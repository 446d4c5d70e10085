package org.slowpoetry.service;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the services of a test did, in order ({@code start a}, {@code stop b}), and steps that write
 * to it: a {@link Lifecycle} per service, told to fail its start or its stop when a test needs it.
 *
 * <p><b>Threading:</b> thread-safe: steps may run on any thread, the test reads on its own.
 */
final class Journal {
    /** Appended by the steps, read by the test. */
    private final List<String> entries = new CopyOnWriteArrayList<>();

    /** Steps that record {@code start NAME} and {@code stop NAME}. */
    Lifecycle steps(String name) {
        return steps(name, null, null);
    }

    /** Steps whose start throws {@code startFailure} (after recording it), if not null. */
    Lifecycle failingStart(String name, Exception startFailure) {
        return steps(name, startFailure, null);
    }

    /** Steps whose stop throws {@code stopFailure} (after recording it), if not null. */
    Lifecycle failingStop(String name, Exception stopFailure) {
        return steps(name, null, stopFailure);
    }

    private Lifecycle steps(String name, Exception startFailure, Exception stopFailure) {
        return new Lifecycle() {
            @Override
            public void start() throws Exception {
                entries.add("start " + name);
                if (startFailure != null) {
                    throw startFailure;
                }
            }

            @Override
            public void stop() throws Exception {
                entries.add("stop " + name);
                if (stopFailure != null) {
                    throw stopFailure;
                }
            }
        };
    }

    /** Records {@code entry} (for steps written in a test). */
    void add(String entry) {
        entries.add(entry);
    }

    /** Everything so far, in order. */
    List<String> entries() {
        return List.copyOf(entries);
    }
}
