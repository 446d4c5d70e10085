package org.slowpoetry.clients.loom;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Joiner;
import java.util.concurrent.StructuredTaskScope.Subtask;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.ClientStyle;
import org.slowpoetry.clients.GetOption;
import org.slowpoetry.clients.PoemTask;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.fetch.BlockingFetch;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.loom.TaskContext;
import org.slowpoetry.protocol.Address;

/**
 * The Loom client ({@code get --style loom}): the blocking client's code, one virtual thread per
 * poem, all of them forked into one {@link StructuredTaskScope}. It prints exactly what the select
 * client of Part 2 prints (a line per read, {@code Task N finished} when a server closes, then each
 * poem's size and the summary) and, like it, takes as long as the slowest poem, not the sum of
 * them: the asynchronous model's Figure 3 with the synchronous model's code.
 *
 * {@snippet lang = "text" :
 * $ slowpoetry get --style loom 10000 10001 10002
 * Task 1: got 30 bytes of poetry from 127.0.0.1:10000
 * Task 2: got 10 bytes of poetry from 127.0.0.1:10001
 * ...
 * Task 2 finished
 * ...
 * Task 1: 3049 bytes of poetry
 * Task 2: 641 bytes of poetry
 * Task 3: 646 bytes of poetry
 * Got 3 poems in 0:00:10.213871
 * }
 *
 * <p>The ideas, one each:
 * <ul>
 *   <li>the scope <em>owns</em> the threads: none outlives {@link #fetch};</li>
 *   <li>a failed download is an ordinary outcome, not an exception, so the others carry on;
 *       only a bug throws out of a subtask, and then {@link Joiner#awaitAllSuccessfulOrThrow()}
 *       cancels the others and {@code fetch} throws it;</li>
 *   <li>which task a thread works for travels in the {@link TaskContext} {@link ScopedValue},
 *       read where the lines are printed, not passed down;</li>
 *   <li>nothing here times anything out: {@code --timeout} bounds every connect and every silent
 *       read inside {@link BlockingFetch}, so a stuck server ends its own task, as in every other
 *       style.</li>
 * </ul>
 *
 * <p><b>Threading:</b> stateless. {@link #fetch} is the scope's owner: it forks, joins and closes
 * on the calling thread. Each download runs on its own virtual thread and prints its own lines
 * (one {@code println} each, so they never mix). When {@code fetch} returns or throws, every
 * download's thread has ended and its socket is closed. An interrupt of the caller cancels the
 * scope, which interrupts every download, and {@code fetch} throws {@link InterruptedException}.
 */
public final class LoomClient implements ClientStyle {

    /* Implementation overview
     *
     *   open a scope
     *   fork one subtask per task, binding TaskContext.CURRENT for it
     *   join: wait for all; then take their outcomes, in the order forked
     *   close (try-with-resources): every subtask's thread has ended
     *
     * A subtask runs its task (BlockingTask) and prints as it goes. It returns the task's outcome,
     * whether a poem or a failure, so the scope sees it succeed either way. A subtask that throws
     * anyway is a bug: the joiner (awaitAllSuccessfulOrThrow) then cancels the others and join()
     * throws it, wrapped, out of fetch.
     */

    @Override
    public String name() {
        return "loom";
    }

    @Override
    public String description() {
        return "blocking code, a virtual thread per poem, StructuredTaskScope (Part 20)";
    }

    @Override
    public Set<GetOption> options() {
        return Set.of(GetOption.PRINT);
    }

    @Override
    public List<TaskOutcome> fetch(List<Address> addresses, ClientRun run) throws InterruptedException {
        PoetryLines lines = PoetryLines.of(run);
        List<PoemTask> tasks = run.tasks(addresses);
        List<Subtask<TaskOutcome>> subtasks = new ArrayList<>(tasks.size());
        try (var scope = StructuredTaskScope.open(Joiner.<TaskOutcome>awaitAllSuccessfulOrThrow(),
                config -> config.withName("get-poetry").withThreadFactory(Thread.ofVirtual().name("task-", 1).factory()))) {
            for (PoemTask task : tasks) {
                var context = new TaskContext(task.number(), task.address().toString());
                subtasks.add(scope.fork(() -> ScopedValue.where(TaskContext.CURRENT, context)
                        .call(() -> download(task, run.options().fetch(), lines))));
            }
            scope.join();
        }
        List<TaskOutcome> outcomes = subtasks.stream().map(Subtask::get).toList();
        lines.poemSizes(outcomes);
        return outcomes;
    }

    /** A subtask: plain blocking code, printing as the select client does. */
    private static TaskOutcome download(PoemTask task, FetchSettings settings, PoetryLines lines)
            throws InterruptedException {
        TaskOutcome outcome = BlockingTask.run(task, settings, BlockingFetch::fetch, chunk -> report(chunk.length, lines));
        lines.finishedOrFailed(outcome);
        return outcome;
    }

    /**
     * One read, reported. Nothing is passed in to say which task this is: the {@link TaskContext}
     * bound for this subtask says so, as it would to a log line anywhere below the fork.
     */
    private static void report(int bytes, PoetryLines lines) {
        TaskContext context = TaskContext.current();
        lines.gotChunk(context.task(), bytes, context.peer());
    }
}
