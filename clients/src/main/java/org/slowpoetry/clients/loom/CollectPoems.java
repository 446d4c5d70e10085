package org.slowpoetry.clients.loom;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.PoemTask;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.fetch.FetchException;
import org.slowpoetry.loom.Down;
import org.slowpoetry.loom.ExitReason;
import org.slowpoetry.loom.Mailbox;
import org.slowpoetry.loom.MonitorRef;
import org.slowpoetry.loom.Pid;

/**
 * The main process's loop of the {@link ErlangClient}: Part 20's {@code collect_poems}. It
 * {@code receive}s whatever comes next, a chunk, a poem, a crash report or a {@link Down}, acts on
 * it, and goes round again until it has seen a {@code Down} for every download (and taken every
 * poem). Counting the {@code Down}s is how it knows, with no bookkeeping in the downloads
 * themselves, that every task has ended, however it ended. Then it prints the poems, the latest
 * first: the original builds its list by prepending each poem as it comes.
 *
 * <p>With {@code --in-order} (Part 20, exercise 4) it takes poems in the order of the addresses
 * by <em>selective receive</em>: the pattern accepts every chunk, crash report and {@code Down},
 * but only the poem of the next task in order. A later task's poem that arrives early simply
 * waits in the mailbox, in its place, until its turn comes; nothing else is held up. The poems are
 * then printed in the order taken, which is the order of the addresses.
 *
 * {@snippet :
 * PoetryMessage message = inbox.receive(m -> !(m instanceof Poem p) || p.task() == next);
 * }
 *
 * <p>Main keeps each task's books in its {@link PoemTask}, from the messages alone: a chunk is
 * {@link PoemTask#received}, a poem {@link PoemTask#fetched}, a crash with a
 * {@link FetchException} {@link PoemTask#failed}. A crash with anything else is a bug, and
 * {@link #collect} throws it.
 *
 * <p><b>Threading:</b> confined to the thread that calls {@link #collect} (main, the mailbox's
 * owner); not thread-safe. The processes talk to it only through the mailbox.
 */
final class CollectPoems {

    /** A task and the process main monitors for it. */
    private record Watched(PoemTask task, Pid<?> process) {
    }

    private final ClientRun run;
    private final PoetryLines lines;
    /** Main only, as every field below. */
    private final List<Watched> tasks = new ArrayList<>();
    private final Map<MonitorRef, Watched> byMonitor = new HashMap<>();
    /** The poems, in the order main took them. */
    private final List<TaskOutcome.Fetched> taken = new ArrayList<>();
    /** How many {@code Down}s have arrived. */
    private int downs;
    /** With {@code --in-order}: the task whose poem main takes next (1-based); past the end when all are. */
    private int next = 1;

    CollectPoems(ClientRun run) {
        this.run = run;
        this.lines = PoetryLines.of(run);
    }

    /**
     * Registers {@code task}, whose process main monitors with {@code ref}.
     *
     * @throws IllegalArgumentException unless tasks are watched in order, from task 1
     */
    void watch(PoemTask task, Pid<?> process, MonitorRef ref) {
        if (task.number() != tasks.size() + 1) {
            throw new IllegalArgumentException("task " + task.number() + " watched after " + tasks.size() + " tasks");
        }
        Watched watched = new Watched(task, process);
        tasks.add(watched);
        byMonitor.put(ref, watched);
    }

    /**
     * Receives until every task's process is down and every poem has been taken, then prints the
     * poems.
     *
     * @return one outcome per task, in task order
     * @throws IllegalStateException if a process crashed with something other than a
     *     {@link FetchException}: a bug, with the process's exception as the cause
     */
    List<TaskOutcome> collect(Mailbox<Object> inbox) throws InterruptedException {
        while (downs < tasks.size() || tasks.stream().anyMatch(t -> !t.task().isOver())) {
            switch (inbox.receive(this::wanted)) {
                case PoetryMessage.Chunk chunk -> chunk(chunk);
                case PoetryMessage.Poem poem -> poem(poem);
                case PoetryMessage.Crashed crash -> lines.crashed(crash.task(), crash.failure());
                case Down down -> down(down);
                default -> throw new IllegalStateException("main received a message nobody sends it");
            }
        }
        for (TaskOutcome.Fetched poem : run.options().inOrder() ? taken : taken.reversed()) {
            lines.poemText(poem.poem());
        }
        return PoemTask.outcomes(tasks.stream().map(Watched::task).toList());
    }

    /** The receive pattern: anything, except a poem whose turn has not come under {@code --in-order}. */
    private boolean wanted(Object message) {
        return !(run.options().inOrder() && message instanceof PoetryMessage.Poem poem && poem.task() != next);
    }

    private void chunk(PoetryMessage.Chunk chunk) {
        PoemTask task = task(chunk.task()).task();
        task.received(chunk.bytes());
        if (!run.options().quiet()) {
            lines.gotChunk(task.number(), chunk.bytes(), task.address());
        }
    }

    private void poem(PoetryMessage.Poem message) {
        Watched watched = task(message.task());
        if (watched.task().fetched(message.poem()) instanceof TaskOutcome.Fetched poem) {
            taken.add(poem);
            if (run.options().timing()) {
                lines.timing(poem.task(), poem.received(), poem.address(), poem.elapsed());
            }
        }
        settled();
        // A supervised task's supervisor waits to be told that its work is done; a plain
        // download has ended by itself, or is about to, and this changes nothing for it.
        watched.process().exit("poem delivered");
    }

    private void down(Down down) {
        downs++;
        Watched watched = byMonitor.get(down.ref());
        if (watched == null) {
            throw new IllegalStateException("a Down for a process main does not monitor: " + down);
        }
        PoemTask task = watched.task();
        switch (down.reason()) {
            case ExitReason.Failed(FetchException crash) -> {
                task.failed(crash.failure(), crash.partial());
                lines.failed(task.number(), crash.failure());
                settled();
            }
            case ExitReason.Failed(Throwable bug) ->
                    throw new IllegalStateException("task " + task.number() + " crashed", bug);
            default -> {
                // It ended after sending its poem: a poem is sent before its sender's Down, so main
                // has taken it already, unless --in-order keeps it waiting for its turn.
                if (!task.isOver() && !run.options().inOrder()) {
                    throw new IllegalStateException("task " + task.number() + " ended (" + down.reason() + ") without a poem");
                }
            }
        }
    }

    /** A task has ended: under {@code --in-order}, the next poem to take may be a later one's. */
    private void settled() {
        while (next <= tasks.size() && tasks.get(next - 1).task().isOver()) {
            next++;
        }
    }

    private Watched task(int number) {
        if (number < 1 || number > tasks.size()) {
            throw new IllegalStateException("a message from task " + number + " of " + tasks.size());
        }
        return tasks.get(number - 1);
    }
}
