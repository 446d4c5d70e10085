package org.slowpoetry.clients.loom;

import java.util.List;
import java.util.Set;
import java.util.concurrent.StructuredTaskScope.Joiner;
import java.util.concurrent.StructuredTaskScope.Subtask;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.GetOption;
import org.slowpoetry.clients.PoemTask;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.fetch.FetchException;
import org.slowpoetry.protocol.Address;

/**
 * The Loom version of client 8.0 ({@code get --style deferred-list-loom XFORM_ADDR ADDR...}; the
 * reactor's is {@code deferred-list},
 * {@link org.slowpoetry.clients.reactor.deferred.DeferredListClient}): client 7.0's Loom version
 * without the per-task {@code catch}. Client 8.0 puts its Deferreds in a
 * {@code DeferredList(consumeErrors=True)}, which fires once all have fired, failures included, with
 * one outcome per Deferred. Its Loom form is the scope's joiner: {@link Joiner#awaitAll()} waits
 * for every subtask, and a subtask that fails neither cancels the others nor makes
 * {@code join()} throw; the owner then reads each subtask's outcome:
 *
 * {@snippet :
 * var subtasks = PoemThreads.forkAndJoin(tasks, name, Joiner.awaitAll(),
 *         LoomInlineClient.transformedPoems(run));             // a failed download fails the subtask
 * for (Subtask<TaskOutcome> subtask : subtasks) {
 *     switch (subtask.state()) {
 *         case SUCCESS -> { }                                  // printed already
 *         case FAILED -> ...subtask.exception()...             // the DeferredList's (False, failure)
 *     }
 * }
 * }
 *
 * <p>It takes and prints what {@code deferred-list} (and so {@code inline}) does: each poem on
 * stdout as soon as it is done, {@code The poem download failed: <why>} and
 * {@code Cummingsify failed!} on stderr ({@link LoomInlineClient#transformedPoems}). As in 8.0, a
 * failed task is ended from the joiner's outcomes, once all are done.
 *
 * <p><b>Threading:</b> stateless; {@link #fetch} owns the scope and reads the subtasks after the
 * join: when it returns or throws, every task's thread has ended and its sockets are closed. An
 * interrupt cancels every task, and {@code fetch} throws {@link InterruptedException}.
 */
public final class LoomDeferredListClient extends ReactorClientTwin {

    public LoomDeferredListClient() {
        super("deferred-list", "XFORM_ADDR first; client 8.0 as blocking code: a scope joined with"
                + " Joiner.awaitAll() in place of the DeferredList (Parts 18 and 20)", Set.of(GetOption.XFORM),
                LoomDeferredListClient::fetchAll);
    }

    private static List<TaskOutcome> fetchAll(List<Address> addresses, ClientRun run, String scopeName)
            throws InterruptedException {
        List<PoemTask> tasks = run.tasks(addresses);
        List<Subtask<TaskOutcome>> subtasks = PoemThreads.forkAndJoin(tasks, scopeName, Joiner.awaitAll(),
                LoomInlineClient.transformedPoems(run));
        for (int i = 0; i < subtasks.size(); i++) {
            Subtask<TaskOutcome> subtask = subtasks.get(i);
            switch (subtask.state()) {
                case SUCCESS -> { }
                case FAILED -> failed(tasks.get(i), subtask.exception());
                case UNAVAILABLE -> throw new IllegalStateException("task " + (i + 1) + " unfinished after the join");
            }
        }
        return PoemTask.outcomes(tasks);
    }

    /**
     * Ends {@code task} with the download failure its subtask threw; anything else a subtask
     * throws is a bug, and is thrown.
     */
    private static void failed(PoemTask task, Throwable exception) {
        if (!(exception instanceof FetchException e)) {
            throw new IllegalStateException("task " + task.number() + " crashed", exception);
        }
        task.failed(e.failure(), e.partial());
    }
}
