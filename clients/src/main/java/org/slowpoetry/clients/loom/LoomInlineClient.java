package org.slowpoetry.clients.loom;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.GetOption;
import org.slowpoetry.clients.PoemTask;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.clients.blocking.FetchThenTransform;
import org.slowpoetry.fetch.BlockingFetch;
import org.slowpoetry.fetch.FetchException;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.protocol.Address;

/**
 * The Loom version of client 7.0 ({@code get --style inline-loom XFORM_ADDR ADDR...}; the
 * reactor's is {@code inline}, {@link org.slowpoetry.clients.reactor.deferred.InlineClient}). Client
 * 7.0 writes the download and the transform as one sequential function, and needs
 * {@code inlineCallbacks} for it: a generator that {@code yield}s each Deferred, so that the
 * reactor can run the rest of the function as a callback when the result is in. On a virtual
 * thread that function is just code: each call blocks the thread, and try/catch handles what it
 * throws.
 *
 * {@snippet :
 * String poem;
 * try {
 *     poem = text(BlockingFetch.fetch(address, settings, chunk -> task.received(chunk.length)));
 * } catch (FetchException e) {
 *     lines.downloadFailed(e.failure());   // The poem download failed: ... (stderr)
 *     throw e;
 * }
 * return step.transform(poem);             // the transform server's reply, or the poem after
 *                                          // Cummingsify failed! on stderr
 * }
 *
 * <p>It takes what {@code inline} takes (the transform server first; {@code --xform NAME};
 * {@code ""} for no transform) and prints what it prints: each poem on stdout as soon as it is
 * done, {@code The poem download failed: <why>} and {@code Cummingsify failed!} on stderr. Client
 * 8.0's Loom version ({@link LoomDeferredListClient}) reuses {@link #transformedPoems}, as the
 * reactor's 8.0 reuses 7.0's {@code get_transformed_poem}.
 *
 * <p><b>Threading:</b> stateless; {@link #fetch} owns the scope: when it returns or throws, every
 * task's thread has ended and its sockets are closed. An interrupt cancels every task, and
 * {@code fetch} throws {@link InterruptedException}.
 */
public final class LoomInlineClient extends ReactorClientTwin {

    public LoomInlineClient() {
        super("inline", "XFORM_ADDR first; client 7.0 as blocking code, a virtual thread per poem: no"
                + " inlineCallbacks needed (Parts 17 and 20)", Set.of(GetOption.XFORM), LoomInlineClient::fetchAll);
    }

    private static List<TaskOutcome> fetchAll(List<Address> addresses, ClientRun run, String scopeName)
            throws InterruptedException {
        PoemThreads.Body<TaskOutcome> transformedPoem = transformedPoems(run);
        return PoemThreads.outcomes(run.tasks(addresses), scopeName, task -> {
            try {
                return transformedPoem.run(task);
            } catch (FetchException e) {                      // poem_done, for a failed download
                return task.failed(e.failure(), e.partial());
            }
        });
    }

    /**
     * Clients 7.0 and 8.0's work for one task of {@code run}: start it, {@code get_transformed_poem},
     * then {@code got_poem}, which ends the task and prints the poem at once. A failed download is
     * one line on stderr and then thrown, a {@link FetchException}, leaving the task for the caller
     * to end, as the text's {@code poem_done} (7.0) or {@code DeferredList} (8.0) does.
     */
    static PoemThreads.Body<TaskOutcome> transformedPoems(ClientRun run) {
        FetchThenTransform step = FetchThenTransform.of(run);
        PoetryLines lines = PoetryLines.of(run);
        return task -> {
            task.start();
            String poem = step.transform(download(task, run.options().fetch(), lines));
            TaskOutcome done = task.fetched(poem.getBytes(StandardCharsets.UTF_8));   // got_poem
            lines.poemText(poem);
            return done;
        };
    }

    /** The download half of {@code get_transformed_poem}: the poem, or one line on stderr and the exception. */
    private static String download(PoemTask task, FetchSettings settings, PoetryLines lines)
            throws FetchException, InterruptedException {
        try {
            return new String(BlockingFetch.fetch(task.address(), settings, chunk -> task.received(chunk.length)),
                    StandardCharsets.UTF_8);
        } catch (FetchException e) {
            lines.downloadFailed(e.failure());
            throw e;
        }
    }
}
