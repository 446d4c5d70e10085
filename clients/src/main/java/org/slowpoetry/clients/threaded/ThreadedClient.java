package org.slowpoetry.clients.threaded;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.ClientStyle;
import org.slowpoetry.clients.GetOption;
import org.slowpoetry.clients.PoemTask;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.clients.loom.BlockingTask;
import org.slowpoetry.fetch.BlockingFetch;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.protocol.Address;

/**
 * The threaded client ({@code get --style threaded}): the threaded model of Part 1, its Figure 2.
 * Each poem is fetched by the blocking client's code ({@link BlockingFetch}) on a platform thread
 * of its own, started by the calling thread, which then joins them all. The operating system
 * decides which thread runs when; the poems arrive interleaved and the fetch takes about as long
 * as the slowest poem, as the select client's does, but with one OS thread per poem where the
 * select client needs one for all. It prints exactly what the select client prints:
 *
 * {@snippet lang = "text" :
 * $ slowpoetry get --style threaded 10000 10001 10002
 * Task 1: got 30 bytes of poetry from 127.0.0.1:10000
 * Task 2: got 10 bytes of poetry from 127.0.0.1:10001
 * ...
 * Task 2 finished
 * ...
 * Task 1: 3049 bytes of poetry
 * Task 2: 641 bytes of poetry
 * Task 3: 646 bytes of poetry
 * Got 3 poems in 0:00:10.213871
 * }
 *
 * <p><b>Platform threads, deliberately.</b> This is the model the text contrasts with the
 * asynchronous one, so each thread here is a real OS thread: the kernel schedules it, and the JVM
 * reserves a stack for it (about 1 MiB of address space by default, {@code -Xss}) that exists
 * whether the thread works or, as here nearly all the time, waits for bytes. Three poems cost three
 * OS threads; ten thousand would cost ten thousand, and run into the OS's limits long before the
 * network's. The {@code loom} style runs the same code on virtual threads instead: a parked virtual
 * thread is a small heap object (its stack frames copied out), and a handful of carrier threads,
 * shared by all of them, are the only OS threads. {@code slowpoetry demo} measures both.
 *
 * <p><b>Interrupts.</b> A platform thread blocked in a socket read does not wake when it is
 * interrupted (a virtual thread's socket is closed at once): it sees the interrupt when its read
 * returns, with bytes or with {@code --timeout}'s time out. Cancelling threads is harder than
 * starting them, which is Part 1's warning about coordinating threads in a small form.
 *
 * <p><b>Threading:</b> stateless. {@link #fetch} owns the threads it starts: it starts one per
 * task, joins them all, and returns only when every one has ended (each closes its own socket).
 * Each thread drives its own {@link PoemTask} and prints its own lines (one {@code println} each,
 * so they never mix); the sizes and the summary are printed by the calling thread after the joins,
 * which happen-after everything the threads did. An interrupt of the caller interrupts every thread
 * and waits for them to end, each within one read or one {@code --timeout}; then {@code fetch}
 * throws {@link InterruptedException}.
 */
public final class ThreadedClient implements ClientStyle {

    /* Implementation overview
     *
     *   start a platform thread per task; each runs BlockingTask (the Loom clients' task body) and
     *   prints its reads and its end
     *   join them in task order; the outcomes are the tasks' own (PoemTask.outcomes)
     *   finally, if any thread is still alive (the caller was interrupted, or a start failed):
     *   interrupt them all and join them, uninterruptibly, before the exception leaves fetch
     *
     * A thread's body returns normally whether its poem arrived or not: a failure to fetch is an
     * outcome. Anything else it throws is a bug; it is kept in `bugs` and rethrown by fetch.
     */

    @Override
    public String name() {
        return "threaded";
    }

    @Override
    public String description() {
        return "a platform thread per poem, blocking code (Part 1, Figure 2)";
    }

    @Override
    public Set<GetOption> options() {
        return Set.of(GetOption.PRINT);
    }

    @Override
    public List<TaskOutcome> fetch(List<Address> addresses, ClientRun run) throws InterruptedException {
        PoetryLines lines = PoetryLines.of(run);
        List<PoemTask> tasks = run.tasks(addresses);
        // Slot i is written by task i + 1's thread, if its body throws; read by this thread after the joins.
        AtomicReferenceArray<Throwable> bugs = new AtomicReferenceArray<>(tasks.size());
        Thread.Builder threads = Thread.ofPlatform().name("poem-task-", 1);
        List<Thread> started = new ArrayList<>(tasks.size());
        try {
            for (PoemTask task : tasks) {
                started.add(threads.start(() -> download(task, run.options().fetch(), lines, bugs)));
            }
            for (Thread thread : started) {
                thread.join();
            }
        } finally {
            stopAll(started);
        }
        rethrowFirst(bugs);
        List<TaskOutcome> outcomes = PoemTask.outcomes(tasks);
        lines.poemSizes(outcomes);
        return outcomes;
    }

    /** A thread's body: the blocking client's code for one poem, printing as the select client does. */
    private static void download(PoemTask task, FetchSettings settings, PoetryLines lines,
            AtomicReferenceArray<Throwable> bugs) {
        try {
            TaskOutcome outcome = BlockingTask.run(task, settings, BlockingFetch::fetch, chunk -> {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("task " + task.number() + " interrupted between reads");
                }
                lines.gotChunk(task.number(), chunk.length, task.address());
            });
            lines.finishedOrFailed(outcome);
        } catch (InterruptedException e) {
            // fetch interrupted us because its caller was interrupted: it throws; the task stays unfinished
        } catch (RuntimeException | Error e) {
            bugs.set(task.number() - 1, e);
        }
    }

    /**
     * Interrupts every thread still alive and waits for each to end. The wait is bounded (a thread
     * ends within one read or one {@code --timeout}) and not itself interruptible: fetch never
     * returns with a thread of its own still running. An interrupt that comes meanwhile is kept.
     */
    private static void stopAll(List<Thread> threads) {
        threads.stream().filter(Thread::isAlive).forEach(Thread::interrupt);
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A bug in a thread's body, thrown out of fetch as the loom style's scope would throw it. */
    private static void rethrowFirst(AtomicReferenceArray<Throwable> bugs) {
        for (int i = 0; i < bugs.length(); i++) {
            if (bugs.get(i) instanceof Throwable bug) {
                throw new IllegalStateException("task " + (i + 1) + "'s thread failed", bug);
            }
        }
    }
}
