package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Joiner;
import java.util.concurrent.StructuredTaskScope.Subtask;

/**
 * {@code exception-loom}, the Loom twin of {@code exception} (Part 3): one piece of work throws,
 * the next one still runs. Each is a subtask; how the other fares, and who hears of the exception,
 * is up to the scope's joiner.
 *
 * <p>With {@link Joiner#awaitAll()} the scope behaves like the reactor: a failing subtask does not
 * disturb the others, and "But I get up again." is printed. The exception is not reported by
 * anyone on its own, though: the scope keeps it in the failed {@link Subtask}, and the owner
 * reports it after {@code join()}, with the stack of the throw.
 *
 * <p><b>What differs.</b> That is not a scope's default. {@link StructuredTaskScope#open()} (its
 * joiner is {@link Joiner#awaitAllSuccessfulOrThrow()}) treats the subtasks as parts of one job:
 * the first failure cancels the scope, which interrupts the other subtask, and {@code join()}
 * throws {@link StructuredTaskScope.FailedException} with the exception as its cause. The twin
 * shows both; the original has only the first. Its report is printed after the other subtask's
 * line, where the reactor's comes first, because the owner reads it after {@code join()}.
 *
 * <p><b>Threading:</b> {@link #run} owns both scopes; the subtasks run on virtual threads, which
 * have all ended when {@code run} returns. They share only {@code out}, and in the second scope a
 * latch that makes the failure wait until the other subtask runs (a subtask that has not started
 * when its scope is cancelled never runs at all).
 */
public final class ExceptionLoom extends LoomTwin {
    /** Longer than the failing subtask could take; the sibling is interrupted long before. */
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    public ExceptionLoom() {
        super("exception", 3, "a subtask throws: awaitAll() lets the others run; the default joiner cancels them");
    }

    @Override
    public void run(PrintStream out) throws InterruptedException {
        out.println("Starting a scope that awaits all its subtasks.");
        try (var scope = StructuredTaskScope.open(Joiner.<Object>awaitAll())) {
            Subtask<Object> falling = scope.fork(ExceptionLoom::fallDown);
            scope.fork(() -> out.println("But I get up again."));
            scope.join(); // every subtask has ended, each one way or the other
            if (falling.state() == Subtask.State.FAILED) {
                out.println("A subtask failed; the scope kept its exception for the owner, who reports it:");
                falling.exception().printStackTrace(out);
            }
        }

        out.println();
        out.println("The same with the default joiner, for which the subtasks make one job:");
        var waiting = new CountDownLatch(1); // so that the other subtask is running when this one fails
        try (var scope = StructuredTaskScope.open()) {
            scope.fork(() -> waitForTheOther(out, waiting));
            scope.fork(() -> {
                waiting.await();
                return fallDown();
            });
            scope.join();
            out.println("(not reached: join() throws when a subtask fails)");
        } catch (StructuredTaskScope.FailedException e) {
            out.println("join() threw " + e.getClass().getSimpleName() + ", caused by " + e.getCause());
        }
    }

    private static Void fallDown() {
        throw new RuntimeException("I fall down.");
    }

    private static Void waitForTheOther(PrintStream out, CountDownLatch waiting) throws InterruptedException {
        waiting.countDown();
        try {
            Thread.sleep(PATIENCE);
            out.println("(not reached: the failure cancels the scope)");
        } catch (InterruptedException e) {
            out.println("The other subtask was interrupted: the failure cancelled the scope.");
            throw e;
        }
        return null;
    }
}
