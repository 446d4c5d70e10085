package org.slowpoetry.clients.select;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.ClientStyle;
import org.slowpoetry.clients.GetOption;
import org.slowpoetry.clients.PoemTask;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.fetch.PoemDownload;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.time.MonotonicClock;

/**
 * The asynchronous client of Part 2 ({@code get --style select}, the text's
 * {@code async-client/get-poetry.py}), written straight on {@link Selector} with no framework: it
 * connects to every server at once, waits on all the sockets together, and reads from each only
 * what has arrived. The whole fetch takes about as long as the <em>slowest</em> poem: Figure 3 of
 * Part 1.
 *
 * <p>This is the "before" picture for the reactor (Part 3 on): the loop in {@link #fetch} mixes the
 * waiting-for-events machinery with the poetry logic in {@link Download}. The reactor pulls the
 * two apart.
 *
 * {@snippet lang = "text" :
 * $ slowpoetry get --style select 10000 10001
 * Task 1: got 30 bytes of poetry from 127.0.0.1:10000
 * Task 2: got 10 bytes of poetry from 127.0.0.1:10001
 * ...
 * Task 2 finished
 * ...
 * Task 1 finished
 * Task 1: 3049 bytes of poetry
 * Task 2: 641 bytes of poetry
 * Got 2 poems in 0:00:10.213871
 * }
 *
 * <p>All of that is the original's stdout: a line per wake-up that brought bytes, a line when a
 * server closes, each poem's size in address order, the summary. Where the original dies with a
 * traceback (a refused connect, a reset), this one writes one line to stderr and goes on with the
 * others. Two deliberate differences: the address is printed as given, not as
 * {@code getpeername()} resolves it; and a server that closes without sending a byte is a failure
 * here ({@code no poem}, one line on stderr, as in every style) where the original prints
 * {@code Task N finished} and later {@code Task N: 0 bytes of poetry}.
 *
 * <p><b>Threading:</b> stateless; {@link #fetch} runs entirely on the calling thread (one thread,
 * many sockets) and closes its selector and every channel before it returns. An interrupt wakes
 * the selector; {@code fetch} then closes everything and throws {@link InterruptedException}.
 */
public final class SelectClient implements ClientStyle {

    /* Implementation overview
     *
     * The three steps of the text's loop:
     *   1. block in select() until one or more sockets are ready, or the nearest deadline;
     *   2. for each ready socket, in address order as Python's select returns them, read what is
     *      there and no more (Download.onReady); then time out every download whose deadline has
     *      passed (Download.timeOut);
     *   3. repeat until every download is over.
     * Connects are non-blocking too (OP_CONNECT), so a slow or dead server delays nobody. Deadlines
     * are read on the run's clock; select() is only told how long to sleep at most.
     */

    @Override
    public String name() {
        return "select";
    }

    @Override
    public String description() {
        return "all at once on one thread, a bare Selector loop (Part 2)";
    }

    @Override
    public Set<GetOption> options() {
        return Set.of(GetOption.PRINT);
    }

    @Override
    public List<TaskOutcome> fetch(List<Address> addresses, ClientRun run) throws InterruptedException {
        PoetryLines lines = PoetryLines.of(run);
        List<PoemTask> tasks = run.tasks(addresses);
        List<Download> downloads = new ArrayList<>(tasks.size());
        try (Selector selector = Selector.open()) {
            try {
                for (PoemTask task : tasks) {
                    var poem = new PoemDownload(task.address(), run.options().fetch());
                    downloads.add(Download.start(task, poem, selector, lines, run.clock()));
                }
                selectUntilAllOver(selector, downloads, run.clock());
            } finally {
                downloads.forEach(Download::close);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
        List<TaskOutcome> outcomes = PoemTask.outcomes(tasks);
        lines.poemSizes(outcomes);
        return outcomes;
    }

    /** The select loop: wait for readiness, handle each ready download, until none is open. */
    private static void selectUntilAllOver(Selector selector, List<Download> downloads, MonotonicClock clock)
            throws IOException, InterruptedException {
        while (downloads.stream().anyMatch(d -> !d.isOver())) {
            selector.selectedKeys().clear();
            selector.select(millisToNearestDeadline(downloads, clock));
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while selecting");
            }
            for (Download download : downloads) {
                if (!download.isOver() && download.isReadyIn(selector)) {
                    download.onReady();
                }
            }
            long now = clock.nanoTime();
            for (Download download : downloads) {
                if (!download.isOver() && now - download.deadlineNanos() >= 0) {
                    download.timeOut();
                }
            }
        }
    }

    /** How long select() may sleep: until the nearest deadline, at least a millisecond (0 would mean forever). */
    private static long millisToNearestDeadline(List<Download> downloads, MonotonicClock clock) {
        long now = clock.nanoTime();
        long nearest = downloads.stream().filter(d -> !d.isOver())
                .mapToLong(d -> d.deadlineNanos() - now).min().orElse(0);
        return Math.max(1, Math.ceilDiv(nearest, 1_000_000L));
    }
}
