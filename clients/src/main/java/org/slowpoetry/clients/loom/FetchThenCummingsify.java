package org.slowpoetry.clients.loom;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.PoemTask;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.clients.reactor.deferred.Cummingsifiers;
import org.slowpoetry.fetch.BlockingFetch;
import org.slowpoetry.fetch.FetchException;
import org.slowpoetry.fetch.FetchFailure;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.transform.FlakyCummingsifier;
import org.slowpoetry.transform.GibberishException;

/**
 * What the Loom versions of clients 5.0 and 5.1 share: each poem fetched on its own virtual
 * thread, passed through Part 10's flaky cummingsifier, and printed as soon as it is done. The
 * reactor versions' chain (Figure 19) is plain code, top to bottom:
 *
 * {@snippet :
 * String poem;
 * try {
 *     poem = text(BlockingFetch.fetch(address, settings, chunk -> task.received(chunk.length)));
 * } catch (FetchException e) {
 *     lines.downloadFailedOrRejected(e.failure());   // poem_failed: The poem download failed: ... (stderr)
 *     return task.failed(e.failure(), e.partial());
 * }
 * try {
 *     poem = step.cummingsify(cummingsifier, poem, lines);   // the one place 5.0 and 5.1 differ
 * } catch (GibberishException e) {
 *     lines.downloadFailedOrRejected(rejected);      // poem_failed again: Cummingsify rejected the poem ...
 *     return task.failed(rejected, none);
 * }
 * lines.poemText(poem);                       // got_poem
 * }
 *
 * <p>Each task has its own cummingsifier, seeded from {@code --seed} as the reactor versions seed
 * theirs ({@link Cummingsifiers#perTask}), so one seed gives a task the same luck in both.
 *
 * <p>One thing the reactor gave for free needs saying here. Its callbacks ran one at a time, so the
 * {@code Cummingsify failed!} line and the original poem after it always stood together on stdout.
 * Virtual threads run at once, and another poem could land between the two; so the cummingsify
 * step and the printing run in turn, under one lock. It is held for the cummingsifier's call and
 * two writes, never across a download.
 *
 * <p><b>Threading:</b> the fetch owns the scope ({@link PoemThreads}). Each task's
 * cummingsifier is used by that task's thread only; the lock {@code inTurn} orders the tasks'
 * transform-and-print steps.
 */
final class FetchThenCummingsify {

    /**
     * How a version calls its flaky cummingsifier: returns the poem to print (transformed, or the
     * original after {@code Cummingsify failed!} on stdout), or throws {@link GibberishException}.
     *
     * <p><b>Threading:</b> runs on the task's virtual thread, holding the printing lock.
     */
    @FunctionalInterface
    interface Step {
        String cummingsify(FlakyCummingsifier cummingsifier, String poem, PoetryLines lines);
    }

    private final FetchSettings settings;
    private final PoetryLines lines;
    private final List<FlakyCummingsifier> cummingsifiers;
    private final Step step;
    /** Taken by each task's thread for its cummingsify step and its printing; see the class comment. */
    private final Lock inTurn = new ReentrantLock();

    private FetchThenCummingsify(ClientRun run, List<FlakyCummingsifier> cummingsifiers, Step step) {
        this.settings = run.options().fetch();
        this.lines = PoetryLines.of(run);
        this.cummingsifiers = cummingsifiers;
        this.step = step;
    }

    /**
     * A twin's fetch: a poem from each address at once, each on its own virtual thread, passed
     * through {@code step} with a cummingsifier of {@code flavor}. It returns one outcome per
     * address, in address order; a poem the cummingsifier rejected as gibberish is a
     * {@link FetchFailure.Rejected}.
     */
    static ReactorClientTwin.Fetch version(FlakyCummingsifier.Flavor flavor, Step step) {
        return (addresses, run, name) -> {
            var version = new FetchThenCummingsify(run,
                    Cummingsifiers.perTask(addresses.size(), flavor, run.options().seed()), step);
            return PoemThreads.outcomes(run.tasks(addresses), name, version::run);
        };
    }

    private TaskOutcome run(PoemTask task) throws InterruptedException {
        task.start();
        String poem;
        try {
            poem = new String(BlockingFetch.fetch(task.address(), settings, chunk -> task.received(chunk.length)),
                    StandardCharsets.UTF_8);
        } catch (FetchException e) {
            lines.downloadFailedOrRejected(e.failure());
            return task.failed(e.failure(), e.partial());
        }
        inTurn.lock();
        try {
            try {
                poem = step.cummingsify(cummingsifiers.get(task.number() - 1), poem, lines);
            } catch (GibberishException e) {
                var rejected = new FetchFailure.Rejected(task.address(), task.received(), e.getMessage());
                lines.downloadFailedOrRejected(rejected);
                return task.failed(rejected, new byte[0]);
            }
            TaskOutcome done = task.fetched(poem.getBytes(StandardCharsets.UTF_8));
            lines.poemText(poem);
            return done;
        } finally {
            inTurn.unlock();
        }
    }
}
