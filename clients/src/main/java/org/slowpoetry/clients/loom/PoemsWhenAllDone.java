package org.slowpoetry.clients.loom;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.PoemTask;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.fetch.BlockingFetch;
import org.slowpoetry.fetch.FetchException;
import org.slowpoetry.fetch.FetchFailure;
import org.slowpoetry.protocol.Address;

/**
 * What the Loom versions of clients 3.0, 3.1 and 4.0 share: each poem fetched on its own virtual
 * thread with one blocking call, the poems kept in the order they complete, and printed once all
 * are done, as those clients print them after {@code reactor.run()} returns. The reactor's
 * callback is the code after the call; its errback is the {@code catch}:
 *
 * {@snippet :
 * try {
 *     byte[] poem = BlockingFetch.fetch(address, settings, chunk -> task.received(chunk.length));
 *     poems.add(poem);                          // got_poem
 * } catch (FetchException e) {
 *     onFailure.tell(lines, task, e.failure()); // the version's line on stderr, at once
 * }
 * }
 *
 * <p>The versions differ only in what that {@code catch} prints ({@link OnFailure}).
 *
 * <p><b>Threading:</b> stateless; the fetch owns the scope ({@link PoemThreads}). The poems
 * go into a concurrent queue, each by its own task's thread, so the queue's order is the order the
 * poems completed in; the owner reads it after the join, which every add happens-before.
 */
final class PoemsWhenAllDone {

    /**
     * What a version says, on stderr, about a poem that did not come.
     *
     * <p><b>Threading:</b> runs on the failed task's virtual thread.
     */
    @FunctionalInterface
    interface OnFailure {
        void tell(PoetryLines lines, PoemTask task, FetchFailure failure);
    }

    private PoemsWhenAllDone() {
    }

    /**
     * A twin's fetch that tells a failure with {@code onFailure}: see {@link #fetch}.
     */
    static ReactorClientTwin.Fetch telling(OnFailure onFailure) {
        return (addresses, run, name) -> fetch(addresses, run, name, onFailure);
    }

    /**
     * Fetches a poem from each address at once, each on its own virtual thread in a scope named
     * {@code name}; tells a failure at once with {@code onFailure}; once every task has ended,
     * prints the poems in the order they completed.
     *
     * @return one outcome per address, in address order
     */
    private static List<TaskOutcome> fetch(List<Address> addresses, ClientRun run, String name, OnFailure onFailure)
            throws InterruptedException {
        PoetryLines lines = PoetryLines.of(run);
        Queue<byte[]> poems = new ConcurrentLinkedQueue<>(); // added by the tasks as they complete, read by the owner after the join
        List<TaskOutcome> outcomes = PoemThreads.outcomes(run.tasks(addresses), name, task -> {
            task.start();
            try {
                byte[] poem = BlockingFetch.fetch(task.address(), run.options().fetch(), chunk -> task.received(chunk.length));
                TaskOutcome done = task.fetched(poem);
                poems.add(poem);
                return done;
            } catch (FetchException e) {
                TaskOutcome failed = task.failed(e.failure(), e.partial());
                onFailure.tell(lines, task, e.failure());
                return failed;
            }
        });
        poems.forEach(lines::poemText); // after the join, as the text's clients print after reactor.run()
        return outcomes;
    }
}
