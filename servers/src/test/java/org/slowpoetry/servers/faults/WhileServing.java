package org.slowpoetry.servers.faults;

import org.slowpoetry.trial.Leaks;

/**
 * The fault suite's check that a running server keeps nothing of the clients that misbehaved: a
 * {@link Leaks} snapshot of the server idle, the fault, then no socket or thread more than that
 * snapshot, while the server is still running. (After it is closed, {@code LeakCheck} checks that
 * nothing at all is left.)
 *
 * {@snippet :
 * try (PoetryServer server = impl.start(config)) {
 *     WhileServing.assertNothingLeftBehind(() -> {
 *         Peers.connect(server.address(), 40).forEach(Peers::reset);
 *         assertArrayEquals(poem, Clients.fetch(server.address()));
 *     });
 * }
 * }
 *
 * <p><b>Threading:</b> the test's thread; see {@link Leaks} on tests run one at a time.
 */
final class WhileServing {

    /** A fault and what a client that behaves still gets; closes every socket it opens. */
    @FunctionalInterface
    interface Fault {
        void run() throws Exception;
    }

    private WhileServing() {
    }

    /**
     * Runs {@code fault} against a server that is running and idle, then waits (up to
     * {@link Leaks#DEFAULT_WAIT}) until the server holds no more sockets and threads than before it.
     *
     * @throws AssertionError naming what the server still holds
     */
    static void assertNothingLeftBehind(Fault fault) throws Exception {
        Leaks.Snapshot idle = Leaks.snapshot();
        fault.run();
        Leaks.assertNoLeaksSince(idle);
    }
}
