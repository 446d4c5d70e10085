package org.slowpoetry.clients.loom;

import org.slowpoetry.clients.PoemTask;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.fetch.BlockingFetch;
import org.slowpoetry.fetch.FetchException;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.protocol.Address;

/**
 * One task run as plain blocking code on the task's own thread (a Loom client's virtual thread, or
 * the threaded client's platform thread): start it, fetch, and end it with the poem or with the
 * failure the fetch threw. The task
 * ({@link PoemTask}) keeps the books, times it and tells the listener; the {@code try}/{@code catch}
 * here is the whole of the error handling a virtual thread needs.
 *
 * {@snippet :
 * TaskOutcome done = BlockingTask.run(task, settings, BlockingFetch::fetch, chunk -> report(chunk));
 * }
 *
 * <p>The Erlang client does not use it: its downloads have no error handling at all, they crash,
 * and main keeps the books from the messages and {@code Down}s it receives.
 *
 * <p><b>Threading:</b> stateless; {@link #run} runs on the calling thread and blocks it for the
 * whole download, calling {@code onChunk} there.
 */
public final class BlockingTask {

    /**
     * A blocking fetch of one poem: {@link BlockingFetch#fetch}, or {@link PoemLines} cutting it
     * into lines as it comes.
     *
     * <p><b>Threading:</b> runs on the calling thread and blocks it.
     */
    @FunctionalInterface
    public interface Fetch {
        byte[] fetch(Address address, FetchSettings settings, BlockingFetch.ChunkHandler onChunk)
                throws FetchException, InterruptedException;
    }

    private BlockingTask() {
    }

    /**
     * Runs {@code task}: starts it, fetches its poem with {@code fetch}, telling the task about
     * every read and then {@code onChunk}, and ends it.
     *
     * @return the task's outcome; a failure to fetch is an outcome, never an exception
     * @throws InterruptedException if the thread is interrupted; the task is left unfinished
     */
    public static TaskOutcome run(PoemTask task, FetchSettings settings, Fetch fetch, BlockingFetch.ChunkHandler onChunk)
            throws InterruptedException {
        task.start();
        try {
            return task.fetched(fetch.fetch(task.address(), settings, chunk -> {
                task.received(chunk.length);
                onChunk.onChunk(chunk);
            }));
        } catch (FetchException e) {
            return task.failed(e.failure(), e.partial());
        }
    }
}
