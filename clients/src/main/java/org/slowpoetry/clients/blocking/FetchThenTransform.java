package org.slowpoetry.clients.blocking;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.GetOptions;
import org.slowpoetry.clients.PoemTask;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.fetch.BlockingFetch;
import org.slowpoetry.fetch.BlockingTransform;
import org.slowpoetry.fetch.FetchException;
import org.slowpoetry.protocol.Address;

/**
 * Client 6.0's work for one poem as plain blocking code: fetch it, have the transform server
 * transform it, print it. The two failures are two ordinary {@code try}/{@code catch} blocks, where
 * client 6.0 needs an errback on an inner Deferred:
 *
 * {@snippet :
 * String poem;
 * try {
 *     poem = text(BlockingFetch.fetch(address, settings, chunk -> { }));
 * } catch (FetchException e) {
 *     lines.downloadFailedOrRejected(e.failure());   // The poem download failed: ... (stderr)
 *     return failed;
 * }
 * try {
 *     poem = BlockingTransform.xform(xformAddress, "cummingsify", poem, settings);
 * } catch (FetchException e) {
 *     lines.cummingsifyFailedToStderr();      // Cummingsify failed! (stderr), keep the original
 * }
 * lines.poemText(poem);
 * }
 *
 * <p>It prints what client 6.0 prints for a poem. {@code transform-blocking} runs it for one task
 * after another on one thread; {@code transform-loom} runs the same code on a virtual thread per
 * task. Without a transform server ({@link GetOptions#transformAddress()} empty) the poem is
 * printed as it came.
 *
 * <p><b>Threading:</b> an immutable value; {@link #run} blocks the calling thread for the whole
 * task and prints from it (one write per line or poem, so threads' lines never mix).
 */
public final class FetchThenTransform {
    private final GetOptions options;
    private final PoetryLines lines;

    private FetchThenTransform(GetOptions options, PoetryLines lines) {
        this.options = Objects.requireNonNull(options, "options");
        this.lines = Objects.requireNonNull(lines, "lines");
    }

    /**
     * The tasks of {@code run}: fetched within its options, transformed by its transform server
     * with its {@code --xform}, printed to its streams.
     */
    public static FetchThenTransform of(ClientRun run) {
        return new FetchThenTransform(run.options(), PoetryLines.of(run));
    }

    /**
     * Runs {@code task}: starts it, fetches its poem, transforms it if there is a transform server,
     * prints it, and ends the task with the poem printed.
     *
     * @return the task's outcome: a failed download is an outcome, never an exception; a failed
     *     transform is the original poem
     * @throws InterruptedException if the thread is interrupted; the task is left unfinished
     */
    public TaskOutcome run(PoemTask task) throws InterruptedException {
        task.start();
        String poem;
        try {
            byte[] bytes = BlockingFetch.fetch(task.address(), options.fetch(), chunk -> task.received(chunk.length));
            poem = new String(bytes, StandardCharsets.UTF_8);
        } catch (FetchException e) {
            lines.downloadFailedOrRejected(e.failure());
            return task.failed(e.failure(), e.partial());
        }
        poem = transform(poem);
        TaskOutcome done = task.fetched(poem.getBytes(StandardCharsets.UTF_8));
        lines.poemText(poem);
        return done;
    }

    /**
     * The transform step alone, which clients 7.0 and 8.0's Loom versions ({@code inline-loom},
     * {@code deferred-list-loom}) share: {@code poem} as the transform server sends it back; or, if
     * that fails, {@code Cummingsify failed!} on stderr and {@code poem} as it was; or, without a
     * transform server, {@code poem} as it was.
     *
     * @throws InterruptedException if the thread is interrupted while it waits for the server
     */
    public String transform(String poem) throws InterruptedException {
        Optional<Address> server = options.transformAddress();
        if (server.isEmpty()) {
            return poem;
        }
        try {
            return BlockingTransform.xform(server.get(), options.xform(), poem, options.fetch());
        } catch (FetchException e) {
            lines.cummingsifyFailedToStderr();
            return poem;
        }
    }
}
