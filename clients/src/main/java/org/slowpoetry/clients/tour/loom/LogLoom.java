package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Joiner;
import java.util.concurrent.StructuredTaskScope.Subtask;
import org.slf4j.Logger;
import org.slf4j.helpers.NOPLogger;
import org.slowpoetry.clients.tour.PrintStreamLogger;
import org.slowpoetry.clients.tour.reactor.LogExample;

/**
 * {@code log-loom}, the Loom twin of {@code log} (Part 16): the same logging, where the failing
 * piece of work is a subtask. Nobody logs its exception when it throws: the scope keeps it, and the
 * owner, after {@code join()}, logs it with its stack trace, as an errback logs a failure. The
 * first lines are the original's own ({@link LogExample#logBasics}): logging from plain code is
 * the same in both styles.
 *
 * <p><b>What differs: the context.</b> twistd writes a context between the brackets: {@code -}, or
 * the protocol whose callback is logging, which the reactor sets around each callback. Blocking
 * code has no callbacks to wrap; the Loom way to give a stretch of work a context is a
 * {@link ScopedValue}, bound for the length of a call, and inherited by the subtasks a scope forks
 * inside it. The logger here reads it for every line: {@code [-]} outside, {@code [poem-service]}
 * inside, the subtask's line included.
 *
 * <p><b>Threading:</b> {@link #run} owns the scope; the subtask runs on a virtual thread that has
 * ended when the scope closes. The logger is safe from both threads.
 */
public final class LogLoom extends LoomTwin {
    /** The logging context of a stretch of work. */
    private static final ScopedValue<String> CONTEXT = ScopedValue.newInstance();

    public LogLoom() {
        super("log", 16, "a subtask's exception logged by its owner; a ScopedValue as the lines' context");
    }

    @Override
    public void run(PrintStream out) throws InterruptedException {
        Logger before = NOPLogger.NOP_LOGGER; // what slf4j hands out while no backend is installed
        before.info("Nobody sees this line: no logger is installed yet.");

        Logger log = new PrintStreamLogger("log-loom", out, Clock.systemDefaultZone(), () -> CONTEXT.orElse("-"));

        LogExample.logBasics(log); // plain code logs the same way in both styles

        ScopedValue.where(CONTEXT, "poem-service").call(() -> runSubtask(log));

        log.info("End of example.");
    }

    /** Forks the bad callback as a subtask and logs its failure, in the context bound around it. */
    private static Void runSubtask(Logger log) throws InterruptedException {
        try (var scope = StructuredTaskScope.open(Joiner.<Integer>awaitAll())) {
            Subtask<Integer> bad = scope.fork(() -> {
                log.info("A subtask runs the bad callback.");
                return badCallback(true);
            });
            scope.join();
            if (bad.state() == Subtask.State.FAILED) {
                log.error("Next comes the exception the subtask ended with, logged by its owner:");
                log.error("Unhandled error in a subtask", bad.exception());
            }
        }
        return null;
    }

    /** A callback with a bug. */
    private static Integer badCallback(boolean result) {
        return Integer.parseInt("xxx");
    }
}
