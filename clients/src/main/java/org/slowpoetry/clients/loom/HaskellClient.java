package org.slowpoetry.clients.loom;

import java.util.List;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.ClientStyle;
import org.slowpoetry.clients.PoemTask;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.loom.Outcome;
import org.slowpoetry.loom.Scopes;
import org.slowpoetry.protocol.Address;

/**
 * Part 21's first Haskell client ({@code get --style haskell}): a light-weight thread per poem, a
 * line of output per <em>line</em> of poetry as it arrives, and every poem printed whole the moment
 * it is complete, while the others go on at their own pace.
 *
 * {@snippet lang = "text" :
 * $ slowpoetry get --style haskell 10000 10001 10002
 * Task 3: got 43 bytes of poetry from 127.0.0.1:10002
 * Task 1: got 39 bytes of poetry from 127.0.0.1:10000
 * Task 2: got 1 byte of poetry from 127.0.0.1:10001
 * ...
 * (the text of the first poem to be complete)
 * ...
 * }
 *
 * <p>That is the stdout of the text's {@code haskell-client-1/get-poetry.hs}: a got-line per poem
 * line, counting the line and its newline ({@code length line + 1}), and each poem whole, in the
 * order they complete. Differences: the count is of bytes, not characters, and a line ending
 * {@code \r\n} counts one byte less (the shared line splitter drops the {@code \r}); a server
 * that cannot be reached (Part 21, exercise 2) is one line on stderr, and every other poem is
 * still printed, where the original's {@code main} dies at once.
 *
 * <p>The Haskell client's {@code gotLine} looks like a callback but is not one; neither is it here:
 * the task's own thread reads, splits ({@link PoemLines}) and prints, in a plain loop
 * ({@link BlockingTask}). The fan-out is {@link Scopes#forEachInOrder}, a
 * {@code StructuredTaskScope} that gives the outcomes back in task order.
 *
 * <p><b>Threading:</b> stateless. {@link #fetch} forks a virtual thread per poem and returns when
 * all have ended; each prints its own lines, whole lines with one write each, so output of
 * different tasks interleaves only line by line (a poem's text is one write). An interrupt of the
 * caller interrupts every task, and {@code fetch} throws {@link InterruptedException}.
 */
public final class HaskellClient implements ClientStyle {

    @Override
    public String name() {
        return "haskell";
    }

    @Override
    public String description() {
        return "a line of output per line of poetry, each poem when complete (Part 21)";
    }

    @Override
    public List<TaskOutcome> fetch(List<Address> addresses, ClientRun run) throws InterruptedException {
        PoetryLines lines = PoetryLines.of(run);
        List<Outcome<TaskOutcome>> outcomes = Scopes.forEachInOrder(run.tasks(addresses),
                task -> runTask(task, run.options().fetch(), lines));
        return outcomes.stream().map(outcome -> switch (outcome) {
            case Outcome.Success<TaskOutcome>(TaskOutcome taskOutcome) -> taskOutcome;
            case Outcome.Failure<TaskOutcome>(Throwable bug) ->
                    throw new IllegalStateException("a download failed unexpectedly", bug);
        }).toList();
    }

    /** {@code runTask}: one poem, on its own virtual thread. Never throws for a poetry failure. */
    private static TaskOutcome runTask(PoemTask task, FetchSettings settings, PoetryLines lines)
            throws InterruptedException {
        String peer = task.address().toString();
        BlockingTask.Fetch gotLines = PoemLines.splitting(line -> lines.gotChunk(task.number(), line.length + 1, peer));
        TaskOutcome outcome = BlockingTask.run(task, settings, gotLines, chunk -> { });
        switch (outcome) {
            case TaskOutcome.Fetched fetched -> lines.poemText(fetched.poem());
            case TaskOutcome.Failed failed -> lines.failed(failed.task(), failed.failure());
        }
        return outcome;
    }
}
