package org.slowpoetry.clients.loom;

import java.time.Duration;
import org.slowpoetry.clients.PoetryLines;
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
 * reads with plain blocking calls, sends main a {@link PoetryMessage.Chunk} per read and the
 * {@link PoetryMessage.Poem} at the end, and then ends. It has no error handling at all: if the
 * server cannot be reached or the connection breaks, {@link BlockingFetch} throws and the process
 * <em>crashes</em>; main hears of it through its monitor, as a {@link org.slowpoetry.loom.Down}
 * whose reason says what went wrong.
 *
 * {@snippet :
 * Monitored<Object> task = scope.spawnMonitor(main, "task-1", GetPoetry.plain(1, address, main, clock));
 * }
 *
 * <p>With {@code --retries N} the same download runs {@link #supervised}: as a
 * {@link Restart#TRANSIENT} child of its own {@link RestartStrategy#ONE_FOR_ONE}
 * {@link Supervisor}, which restarts it when it crashes (and not when it ends normally, with its
 * poem), at most {@code N} times; then the supervisor gives up and the task process crashes with
 * the last reason. Erlang's answer to errors, which Part 20 ends on: let the worker crash, and
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
     * chunk and then sending it the poem. Crashes with a {@link FetchFailedException} if it cannot.
     *
     * @param startNanos when the task started, on {@code clock}, for the poem's elapsed time
     */
    static ProcessBody<Object> plain(int task, Address address, Mailbox<Object> main, MonotonicClock clock,
            long startNanos) {
        return self -> {
            byte[] poem = BlockingFetch.fetch(address, chunk -> main.send(new PoetryMessage.Chunk(task, chunk.length)));
            main.send(new PoetryMessage.Poem(task, poem, clock.since(startNanos)));
        };
    }

    /**
     * The same download under a supervisor that restarts it up to {@code retries} times. Every
     * crash is reported to main ({@link PoetryMessage.Crashed}) before the child dies of it. The
     * task process crashes with {@code gave up after N retries: REASON} if the supervisor gives up.
     *
     * @param retries at least 1
     */
    static ProcessBody<Object> supervised(int task, Address address, Mailbox<Object> main, int retries,
            MonotonicClock clock, long startNanos) {
        if (retries < 1) {
            throw new IllegalArgumentException("retries must be at least 1: " + retries);
        }
        ProcessBody<Object> download = plain(task, address, main, clock, startNanos);
        ChildSpec<Object> child = ChildSpec.of("download", Restart.TRANSIENT, self -> {
            try {
                download.run(self);
            } catch (FetchFailedException crash) {
                main.send(new PoetryMessage.Crashed(task, crash.reason()));
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

    /** The crash of a task whose supervisor gave up: the last download's reason, and its bytes. */
    private static FetchFailedException gaveUp(int retries, Throwable why) {
        if (why.getCause() instanceof FetchFailedException last) {
            return new FetchFailedException(PoetryLines.gaveUp(retries, last.reason()), last.partial(), why);
        }
        return new FetchFailedException(PoetryLines.gaveUp(retries, PoetryLines.describe(why)), new byte[0], why);
    }
}
