package org.slowpoetry.clients.loom;

import java.time.Duration;
import org.slowpoetry.fetch.BlockingFetch;
import org.slowpoetry.fetch.FetchException;
import org.slowpoetry.fetch.FetchFailure;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.loom.ChildSpec;
import org.slowpoetry.loom.ExitReason;
import org.slowpoetry.loom.Mailbox;
import org.slowpoetry.loom.ProcessBody;
import org.slowpoetry.loom.Restart;
import org.slowpoetry.loom.RestartStrategy;
import org.slowpoetry.loom.Supervisor;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.time.MonotonicClock;

/**
 * The download process of the {@link ErlangClient}: Part 20's {@code get_poetry}. It connects,
 * reads with plain blocking calls ({@link BlockingFetch}), sends main a {@link PoetryMessage.Chunk}
 * per read and the {@link PoetryMessage.Poem} at the end, and then ends. It has no error handling
 * at all: if the server cannot be reached, goes silent past {@code --timeout} or breaks the
 * connection, {@link BlockingFetch} throws a {@link FetchException} and the process
 * <em>crashes</em> with it (a {@link ProcessBody} may throw anything); main hears of it through its
 * monitor, as a {@link org.slowpoetry.loom.Down} whose reason holds the exception and so the
 * {@link FetchFailure} value. That is Part 20's exercise 5, a readable error message, without a
 * line of error handling in the process.
 *
 * {@snippet :
 * Monitored<Object> task = scope.spawnMonitor(main, "task-1", GetPoetry.plain(1, address, settings, main));
 * }
 *
 * <p>With {@code --retries N} the same download runs {@link #supervised}: as a
 * {@link Restart#TRANSIENT} child of its own {@link RestartStrategy#ONE_FOR_ONE}
 * {@link Supervisor}, which restarts it when it crashes (and not when it ends normally, with its
 * poem), at most {@code N} times; then the supervisor gives up and the task process crashes with
 * {@link FetchFailure.GaveUp}. Erlang's answer to errors, which Part 20 ends on: let the worker crash, and
 * have a supervisor start it afresh.
 *
 * <p><b>Threading:</b> stateless factories. The bodies run on the processes' own virtual threads;
 * they talk to main only through its thread-safe {@link Mailbox}.
 */
final class GetPoetry {

    /*
     * Implementation overview
     *
     * A task process is what main monitors, one per address. Plain, it is the download itself.
     * Supervised, it owns a supervisor (one per task, so that each download gets its own N
     * retries) and waits in join(), which returns only if the supervisor gives up. A finished
     * download leaves its supervisor running with nothing to do (TRANSIENT: not restarted after a
     * normal end), so main, once it has taken the task's Poem, exits the task process; the
     * interrupt ends the join, and try-with-resources stops the supervisor.
     */

    /**
     * The restart window: longer than any download, so the supervisor's intensity counts every
     * restart of the task, and {@code --retries N} means N restarts in all.
     */
    static final Duration RETRY_WINDOW = Duration.ofDays(1);

    private GetPoetry() {
    }

    /**
     * {@code get_poetry}: fetch the poem at {@code address}, telling {@code main} about every
     * chunk and then sending it the poem. Crashes with a {@link FetchException} if it cannot.
     */
    static ProcessBody<Object> plain(int task, Address address, FetchSettings settings, Mailbox<Object> main) {
        return self -> {
            byte[] poem = BlockingFetch.fetch(address, settings, chunk -> main.send(new PoetryMessage.Chunk(task, chunk.length)));
            main.send(new PoetryMessage.Poem(task, poem));
        };
    }

    /**
     * The same download under a supervisor that restarts it up to {@code retries} times. Every
     * crash is reported to main ({@link PoetryMessage.Crashed}) before the child dies of it. If the
     * supervisor gives up, the task process crashes with a {@link FetchException} whose failure is
     * {@link FetchFailure.GaveUp}, holding the last attempt's.
     *
     * @param retries at least 1
     */
    static ProcessBody<Object> supervised(int task, Address address, FetchSettings settings, Mailbox<Object> main,
            int retries, MonotonicClock clock) {
        if (retries < 1) {
            throw new IllegalArgumentException("retries must be at least 1: " + retries);
        }
        ProcessBody<Object> download = plain(task, address, settings, main);
        ChildSpec<Object> child = ChildSpec.of("download", Restart.TRANSIENT, self -> {
            try {
                download.run(self);
            } catch (FetchException crash) {
                main.send(new PoetryMessage.Crashed(task, crash.failure()));
                throw crash; // let it crash: the supervisor decides what happens next
            }
        });
        return self -> {
            try (var supervisor = Supervisor.builder("task-" + task)
                    .strategy(RestartStrategy.ONE_FOR_ONE)
                    .intensity(retries, RETRY_WINDOW)
                    .clock(clock)
                    .child(child)
                    .start()) {
                // Returns only if the supervisor gives up; main exits this process once it has
                // the poem, which interrupts the wait.
                if (supervisor.join() instanceof ExitReason.Failed(Throwable why)) {
                    throw gaveUp(retries, why);
                }
            }
        };
    }

    /**
     * The crash of a task whose supervisor gave up: the last download's failure, and its bytes. A
     * last crash that was not a fetch failure is a bug, and crashes the task as it is.
     */
    private static Exception gaveUp(int retries, Throwable why) {
        if (why.getCause() instanceof FetchException last) {
            return new FetchException(new FetchFailure.GaveUp(retries, last.failure()), last.partial(), why);
        }
        return new IllegalStateException("the supervisor of a download gave up", why);
    }
}
