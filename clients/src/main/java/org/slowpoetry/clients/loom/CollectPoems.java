package org.slowpoetry.clients.loom;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.loom.Down;
import org.slowpoetry.loom.ExitReason;
import org.slowpoetry.loom.Mailbox;
import org.slowpoetry.loom.MonitorRef;
import org.slowpoetry.loom.Pid;
import org.slowpoetry.protocol.Address;

/**
 * The main process's loop of the {@link ErlangClient}: Part 20's {@code collect_poems}. It
 * {@code receive}s whatever comes next, a chunk, a poem, a crash report or a {@link Down}, acts on
 * it, and goes round again until it has seen a {@code Down} for every download (and taken every
 * poem). Counting the {@code Down}s is how it knows, with no bookkeeping in the downloads
 * themselves, that every task has ended, however it ended.
 *
 * <p>With {@code --in-order} (Part 20, exercise 4) it takes poems in the order of the addresses
 * by <em>selective receive</em>: the pattern accepts every chunk, crash report and {@code Down},
 * but only the poem of the next task in order. A later task's poem that arrives early simply
 * waits in the mailbox, in its place, until its turn comes; nothing else is held up.
 *
 * {@snippet :
 * PoetryMessage message = inbox.receive(m -> !(m instanceof Poem p) || p.task() == next);
 * }
 *
 * <p><b>Threading:</b> confined to the thread that calls {@link #collect} (main, the mailbox's
 * owner); not thread-safe. The processes talk to it only through the mailbox.
 */
final class CollectPoems {

    /** Per task: its process, its start, and once it is settled, its outcome. Main only. */
    private static final class Task {
        final int number;
        final Address address;
        final Pid<?> process;
        final long startNanos;
        /** Null until main has its poem or knows it failed. */
        TaskOutcome outcome;

        Task(int number, Address address, Pid<?> process, long startNanos) {
            this.number = number;
            this.address = address;
            this.process = process;
            this.startNanos = startNanos;
        }
    }

    private final ClientRun run;
    private final PoetryLines lines;
    private final List<Task> tasks = new ArrayList<>();
    private final Map<MonitorRef, Task> byMonitor = new HashMap<>();
    /** How many {@code Down}s have arrived. */
    private int downs;
    /** How many tasks have an outcome. */
    private int settled;
    /** With {@code --in-order}: the task whose poem main takes next (1-based); past the end when all are. */
    private int next = 1;

    CollectPoems(ClientRun run) {
        this.run = run;
        this.lines = PoetryLines.of(run);
    }

    /** Registers task {@code tasks.size() + 1}, whose process main monitors with {@code ref}. */
    void watch(Address address, Pid<?> process, MonitorRef ref, long startNanos) {
        Task task = new Task(tasks.size() + 1, address, process, startNanos);
        tasks.add(task);
        byMonitor.put(ref, task);
    }

    /**
     * Receives until every task's process is down and every poem has been taken.
     *
     * @return one outcome per task, in task order
     */
    List<TaskOutcome> collect(Mailbox<Object> inbox) throws InterruptedException {
        while (downs < tasks.size() || settled < tasks.size()) {
            switch (inbox.receive(this::wanted)) {
                case PoetryMessage.Chunk chunk -> chunk(chunk);
                case PoetryMessage.Poem poem -> poem(poem);
                case PoetryMessage.Crashed crash -> lines.crashed(crash.task(), crash.reason());
                case Down down -> down(down);
                default -> throw new IllegalStateException("main received a message nobody sends it");
            }
        }
        return tasks.stream().map(t -> t.outcome).toList();
    }

    /** The receive pattern: anything, except a poem whose turn has not come under {@code --in-order}. */
    private boolean wanted(Object message) {
        return !(run.options().inOrder() && message instanceof PoetryMessage.Poem poem && poem.task() != next);
    }

    private void chunk(PoetryMessage.Chunk chunk) {
        Task task = task(chunk.task());
        run.listener().received(task.number, chunk.bytes());
        if (!run.options().quiet()) {
            lines.gotChunk(task.number, chunk.bytes(), task.address);
        }
    }

    private void poem(PoetryMessage.Poem message) {
        Task task = task(message.task());
        byte[] poem = message.poem();
        settle(task, new TaskOutcome.Fetched(task.number, task.address, poem, message.elapsed()));
        run.listener().finished(task.number);
        if (run.options().timing()) {
            lines.gotPoem(task.number, poem.length, task.address, message.elapsed());
        } else {
            lines.poemSize(task.number, poem.length);
        }
        // A supervised task's supervisor waits to be told that its work is done; a plain
        // download has ended by itself, or is about to, and this changes nothing for it.
        task.process.exit("poem delivered");
    }

    private void down(Down down) {
        downs++;
        Task task = byMonitor.get(down.ref());
        if (task == null) {
            throw new IllegalStateException("a Down for a process main does not monitor: " + down);
        }
        if (!(down.reason() instanceof ExitReason.Failed(Throwable cause))) {
            // It ended after sending its poem: a poem is sent before its sender's Down, so main
            // has taken it already, unless --in-order keeps it waiting for its turn.
            if (task.outcome == null && !run.options().inOrder()) {
                throw new IllegalStateException("task " + task.number + " ended (" + down.reason() + ") without a poem");
            }
            return;
        }
        String reason = cause instanceof FetchFailedException failed ? failed.reason()
                : "crashed: " + PoetryLines.describe(cause); // a bug, not the server: say what broke
        byte[] partial = cause instanceof FetchFailedException failed ? failed.partial() : new byte[0];
        settle(task, new TaskOutcome.Failed(task.number, task.address, reason, partial,
                run.clock().since(task.startNanos)));
        run.listener().failed(task.number, reason);
        lines.failed(task.number, reason);
    }

    private void settle(Task task, TaskOutcome outcome) {
        if (task.outcome != null) {
            throw new IllegalStateException("task " + task.number + " settled twice: " + task.outcome + ", " + outcome);
        }
        task.outcome = outcome;
        settled++;
        while (next <= tasks.size() && tasks.get(next - 1).outcome != null) {
            next++;
        }
    }

    private Task task(int number) {
        if (number < 1 || number > tasks.size()) {
            throw new IllegalStateException("a message from task " + number + " of " + tasks.size());
        }
        return tasks.get(number - 1);
    }
}
