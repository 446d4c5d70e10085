package org.slowpoetry.clients.loom;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Joiner;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.ClientStyle;
import org.slowpoetry.clients.GetOption;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.loom.TaskContext;
import org.slowpoetry.protocol.Address;

/**
 * The Loom client ({@code get --style loom}): the blocking client's code, one virtual thread per
 * poem, all of them forked into one {@link StructuredTaskScope}. It prints what the select client
 * of Part 2 prints, a line per read and then each poem's size, and takes as long as the slowest
 * poem, not the sum of them: the asynchronous model's Figure 3 with the synchronous model's code.
 *
 * {@snippet lang = "text" :
 * $ slowpoetry get --style loom --timeout 30 10000 10001 10002
 * Task 1: got 30 bytes of poetry from 127.0.0.1:10000
 * Task 2: got 10 bytes of poetry from 127.0.0.1:10001
 * ...
 * Task 1: 3049 bytes of poetry
 * Task 2: 641 bytes of poetry
 * Task 3: 646 bytes of poetry
 * Got 3 poems in 0:00:10.213871
 * }
 *
 * <p>The ideas, one each: the scope <em>owns</em> the threads (none outlives {@link #fetch}); a
 * failed download is an ordinary result, so the others carry on ({@link Joiner#awaitAll()});
 * {@code --timeout} is the scope's deadline ({@code withTimeout}), which cancels the scope and so
 * interrupts every download still reading; and which task a thread works for travels in the
 * {@link TaskContext} {@link ScopedValue}, read where the lines are printed, not passed down.
 *
 * <p><b>Threading:</b> stateless. {@link #fetch} is the scope's owner: it forks, joins and closes
 * on the calling thread. Each download runs on its own virtual thread and prints its own lines
 * (one {@code println} each, so they never mix). When {@code fetch} returns or throws, every
 * download's thread has ended and its socket is closed. An interrupt of the caller cancels the
 * scope the same way a timeout does, and {@code fetch} throws {@link InterruptedException}.
 */
public final class LoomClient implements ClientStyle {

    /* Implementation overview
     *
     *   open a scope (awaitAll: never cancel because one download failed; withTimeout if asked)
     *   fork one subtask per address, binding TaskContext.CURRENT for it
     *   join: wait for all, or until the deadline cancels the scope
     *   close (try-with-resources): wait until every subtask's thread has ended
     *
     * A subtask never throws for a poetry failure: it records a TaskOutcome in its Download and
     * prints the failure line itself, at once. Why record outcomes instead of reading
     * Subtask.get()? After a timeout the owner may not call get() even on subtasks that finished in
     * time, and a timed-out download's bytes so far must survive it; so each Download keeps its
     * own bytes and outcome, and the owner reads them once the scope is closed.
     */

    @Override
    public String name() {
        return "loom";
    }

    @Override
    public String description() {
        return "blocking code, a virtual thread per poem, StructuredTaskScope (Part 20)";
    }

    @Override
    public Set<GetOption> options() {
        return Set.of(GetOption.TIMEOUT);
    }

    @Override
    public List<TaskOutcome> fetch(List<Address> addresses, ClientRun run) throws InterruptedException {
        PoetryLines lines = PoetryLines.of(run);
        Optional<Duration> timeout = run.options().timeout();
        List<Download> downloads = new ArrayList<>(addresses.size());
        for (int i = 0; i < addresses.size(); i++) {
            downloads.add(new Download(i + 1, addresses.get(i), run.clock().nanoTime()));
        }

        try (var scope = StructuredTaskScope.open(Joiner.awaitAll(), config -> {
            var named = config.withName("get-poetry").withThreadFactory(Thread.ofVirtual().name("task-", 1).factory());
            return timeout.map(named::withTimeout).orElse(named);
        })) {
            List<StructuredTaskScope.Subtask<Void>> subtasks = new ArrayList<>();
            for (Download download : downloads) {
                run.listener().started(download.task, download.address);
                var context = new TaskContext(download.task, download.address.toString());
                subtasks.add(scope.fork(() -> ScopedValue.where(TaskContext.CURRENT, context)
                        .call(() -> download.run(run, lines))));
            }
            try {
                scope.join();
                for (var subtask : subtasks) {
                    if (subtask.state() == StructuredTaskScope.Subtask.State.FAILED) {
                        // Not a poetry failure (those are outcomes): a bug, so say so loudly.
                        throw new IllegalStateException("a download failed unexpectedly", subtask.exception());
                    }
                }
            } catch (StructuredTaskScope.TimeoutException e) {
                // The deadline cancelled the scope: every download still reading was interrupted,
                // and close() waits for their threads. They have no outcome; see below.
            }
        }

        // Closed: every download's thread has ended, so what each recorded is final. Only the
        // deadline leaves a download without an outcome.
        List<TaskOutcome> outcomes = downloads.stream()
                .map(d -> d.outcome().orElseGet(() -> d.timedOut(timeout.orElseThrow(), run, lines)))
                .toList();
        for (TaskOutcome outcome : outcomes) {
            if (outcome instanceof TaskOutcome.Fetched fetched) {
                lines.poemSize(fetched.task(), fetched.received());
            }
        }
        return outcomes;
    }

    /**
     * One task: what its subtask writes and the owner reads once the scope is closed.
     *
     * <p><b>Threading:</b> {@link #run} runs on the task's virtual thread; {@link #outcome} and
     * {@link #timedOut} on the owner, after the scope has closed, which happens-after everything
     * the subtask did (its thread has ended). {@code soFar} is a {@link ByteArrayOutputStream},
     * whose methods are thread-safe anyway.
     */
    private static final class Download {
        final int task;
        final Address address;
        final long startNanos;
        /** The poem so far. Written by the task's thread; read by the owner after the scope. */
        final ByteArrayOutputStream soFar = new ByteArrayOutputStream();
        /** Null until the task ends by itself. Written by the task's thread; read by the owner after the scope. */
        private volatile TaskOutcome outcome;

        Download(int task, Address address, long startNanos) {
            this.task = task;
            this.address = address;
            this.startNanos = startNanos;
        }

        /** The subtask: plain blocking code. Returns null (a {@code Callable} for {@code ScopedValue.call}). */
        Void run(ClientRun run, PoetryLines lines) throws InterruptedException {
            try {
                byte[] poem = BlockingFetch.fetch(address, chunk -> {
                    soFar.writeBytes(chunk);
                    report(chunk.length, run, lines);
                });
                outcome = new TaskOutcome.Fetched(task, address, poem, run.clock().since(startNanos));
                run.listener().finished(task);
            } catch (FetchFailedException e) {
                outcome = new TaskOutcome.Failed(task, address, e.reason(), e.partial(), run.clock().since(startNanos));
                run.listener().failed(task, e.reason());
                lines.failed(task, e.reason());
            }
            return null;
        }

        /**
         * One read, reported. Nothing is passed in to say which task this is: the
         * {@link TaskContext} bound for this subtask says so, as it would to a log line anywhere
         * below the fork.
         */
        private static void report(int bytes, ClientRun run, PoetryLines lines) {
            TaskContext context = TaskContext.current();
            run.listener().received(context.task(), bytes);
            lines.gotChunk(context.task(), bytes, context.peer());
        }

        Optional<TaskOutcome> outcome() {
            return Optional.ofNullable(outcome);
        }

        /** The outcome of a task the deadline cut short, keeping the bytes that did arrive. */
        TaskOutcome timedOut(Duration timeout, ClientRun run, PoetryLines lines) {
            byte[] partial = soFar.toByteArray();
            String reason = PoetryLines.timedOut(address, partial.length, timeout);
            run.listener().failed(task, reason);
            lines.failed(task, reason);
            return new TaskOutcome.Failed(task, address, reason, partial, run.clock().since(startNanos));
        }
    }
}
