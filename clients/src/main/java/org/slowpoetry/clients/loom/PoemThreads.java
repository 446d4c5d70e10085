package org.slowpoetry.clients.loom;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Joiner;
import java.util.concurrent.StructuredTaskScope.Subtask;
import org.slowpoetry.clients.PoemTask;
import org.slowpoetry.clients.TaskOutcome;

/**
 * The frame of the Loom versions of the reactor clients: one virtual thread per task, forked into
 * one {@link StructuredTaskScope} that the caller owns, and joined. Where each reactor client
 * counts its poems to know when to stop the reactor ({@code poem_done}), the scope's
 * {@code join()} is that moment: it returns once every task's thread has ended.
 *
 * {@snippet :
 * List<TaskOutcome> outcomes = PoemThreads.outcomes(tasks, "callbacks-loom", task -> {
 *     task.start();
 *     // ... plain blocking code for one poem, ending the task
 * });
 * }
 *
 * <p><b>Threading:</b> stateless. The calling thread is the scope's owner: it forks, joins and
 * closes, so when a method returns or throws, every task's thread has ended. An interrupt of the
 * caller cancels the scope, which interrupts every task, and the method throws
 * {@link InterruptedException}.
 */
final class PoemThreads {

    /**
     * The work for one task, on its own virtual thread.
     *
     * <p><b>Threading:</b> runs on the task's virtual thread, at the same time as the other tasks';
     * it should end promptly when interrupted.
     *
     * @param <T> what the work returns
     */
    @FunctionalInterface
    interface Body<T> {
        T run(PoemTask task) throws Exception;
    }

    private PoemThreads() {
    }

    /**
     * Runs {@code body} for every task at once and returns the tasks' outcomes, in task order. A
     * body ends its task and returns the outcome, a failed download included; a body that throws
     * is a bug, which cancels the others ({@link Joiner#awaitAllSuccessfulOrThrow()}) and is thrown
     * here, wrapped in a {@link StructuredTaskScope.FailedException}.
     */
    static List<TaskOutcome> outcomes(List<PoemTask> tasks, String name, Body<TaskOutcome> body)
            throws InterruptedException {
        return forkAndJoin(tasks, name, Joiner.awaitAllSuccessfulOrThrow(), body).stream().map(Subtask::get).toList();
    }

    /**
     * Runs {@code body} for every task at once, in a scope named {@code name} with threads
     * {@code task-1}, {@code task-2}, ..., and returns the subtasks once {@code joiner} says the
     * scope is done, in task order, for the caller to read.
     *
     * @throws StructuredTaskScope.FailedException if {@code joiner}'s join throws (a subtask failed,
     *     for a joiner that fails the scope then)
     */
    static <T> List<Subtask<T>> forkAndJoin(List<PoemTask> tasks, String name, Joiner<T, ?> joiner,
            Body<T> body) throws InterruptedException {
        List<Subtask<T>> subtasks = new ArrayList<>(tasks.size());
        try (var scope = StructuredTaskScope.open(joiner,
                config -> config.withName(name).withThreadFactory(Thread.ofVirtual().name("task-", 1).factory()))) {
            for (PoemTask task : tasks) {
                subtasks.add(scope.fork(() -> body.run(task)));
            }
            scope.join();
        }
        return subtasks;
    }
}
