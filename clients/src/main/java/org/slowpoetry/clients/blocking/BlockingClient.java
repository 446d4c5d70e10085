package org.slowpoetry.clients.blocking;

import java.util.List;
import java.util.Set;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.ClientStyle;
import org.slowpoetry.clients.GetOption;
import org.slowpoetry.clients.PoemTask;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.fetch.BlockingFetch;
import org.slowpoetry.fetch.FetchException;
import org.slowpoetry.protocol.Address;

/**
 * The blocking client of Part 2 ({@code get --style blocking}, the text's
 * {@code blocking-client/get-poetry.py}): one poem after another, on the calling thread, with a
 * plain socket ({@link BlockingFetch}). While it waits for task 1's next bytes it can do nothing
 * else, so the whole fetch takes the <em>sum</em> of the poems' times: Figure 1 of Part 1.
 *
 * {@snippet lang = "text" :
 * $ slowpoetry get --style blocking 10000 10001
 * Task 1: get poetry from: 127.0.0.1:10000
 * Task 1: got 3049 bytes of poetry from 127.0.0.1:10000 in 0:00:10.126361
 * Task 2: get poetry from: 127.0.0.1:10001
 * Task 2: got 641 bytes of poetry from 127.0.0.1:10001 in 0:00:02.183117
 * Got 2 poems in 0:00:12.310412
 * }
 *
 * <p>All of that is the original's stdout. Where the original dies with a traceback (a refused
 * connect, a reset), this one writes one line to stderr ({@code Task 2: failed to connect to
 * 127.0.0.1:10001: Connection refused}) and goes on with the next task.
 *
 * <p><b>Threading:</b> stateless; {@link #fetch} runs entirely on the calling thread and opens one
 * socket at a time, closed before the next task starts. On a virtual thread an interrupt closes the
 * socket at once (JDK behaviour) and {@code fetch} throws {@link InterruptedException}; a platform
 * thread sees it between reads.
 */
public final class BlockingClient implements ClientStyle {

    @Override
    public String name() {
        return "blocking";
    }

    @Override
    public String description() {
        return "one poem after another, one thread, java.net.Socket (Part 2)";
    }

    @Override
    public Set<GetOption> options() {
        return Set.of(GetOption.PRINT);
    }

    @Override
    public List<TaskOutcome> fetch(List<Address> addresses, ClientRun run) throws InterruptedException {
        PoetryLines lines = PoetryLines.of(run);
        List<PoemTask> tasks = run.tasks(addresses);
        for (PoemTask task : tasks) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted before task " + task.number());
            }
            fetchOne(task, run, lines);
        }
        return PoemTask.outcomes(tasks);
    }

    /** One task: connect, read to the end, report. Blocks the caller for the whole poem. */
    private static void fetchOne(PoemTask task, ClientRun run, PoetryLines lines) throws InterruptedException {
        task.start();
        lines.getting(task.number(), task.address());
        try {
            byte[] poem = BlockingFetch.fetch(task.address(), run.options().fetch(), chunk -> task.received(chunk.length));
            TaskOutcome done = task.fetched(poem);
            lines.gotPoem(task.number(), done.received(), task.address(), done.elapsed());
        } catch (FetchException e) {
            task.failed(e.failure(), e.partial());
            lines.failed(task.number(), e.failure());
        }
    }
}
