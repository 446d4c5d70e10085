package org.slowpoetry.clients.loom;

import java.util.List;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.ClientStyle;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.loom.Outcome;
import org.slowpoetry.loom.Scopes;
import org.slowpoetry.loom.TaskContext;
import org.slowpoetry.protocol.Address;

/**
 * Part 21's first Haskell client ({@code get --style haskell}): a light-weight thread per poem, a
 * line of output per <em>line</em> of poetry as it arrives, and every poem printed whole the moment
 * it is complete, while the others go on at their own pace.
 *
 * {@snippet lang = "text" :
 * $ slowpoetry get --style haskell 10000 10001 10002
 * Task 3: got 42 bytes of poetry from 127.0.0.1:10002
 * Task 1: got 38 bytes of poetry from 127.0.0.1:10000
 * Task 2: got 0 bytes of poetry from 127.0.0.1:10001
 * ...
 * (the text of the first poem to be complete)
 * ...
 * }
 *
 * <p>The Haskell client's {@code gotLine} looks like a callback but is not one; neither is it here:
 * the task's own thread reads, splits ({@link PoemLines}) and prints, in a plain loop. The fan-out
 * is {@link Scopes#forEachInOrder}, a {@code StructuredTaskScope} that also binds the
 * {@link TaskContext} each line is printed with. A server that cannot be reached (Part 21,
 * exercise 2) is one line, and every other poem is still printed.
 *
 * <p><b>Threading:</b> stateless. {@link #fetch} forks a virtual thread per poem and returns when
 * all have ended; each prints its own lines, whole lines with one write each, so output of
 * different tasks interleaves only line by line (a poem's text is one write). An interrupt of the
 * caller interrupts every task, and {@code fetch} throws {@link InterruptedException}.
 */
public final class HaskellClient implements ClientStyle {

    @Override
    public String name() {
        return "haskell";
    }

    @Override
    public String description() {
        return "a line of output per line of poetry, each poem when complete (Part 21)";
    }

    @Override
    public List<TaskOutcome> fetch(List<Address> addresses, ClientRun run) throws InterruptedException {
        PoetryLines lines = PoetryLines.of(run);
        List<Outcome<TaskOutcome>> outcomes = Scopes.forEachInOrder(addresses, address -> fetchOne(address, run, lines));
        return outcomes.stream().map(outcome -> switch (outcome) {
            case Outcome.Success<TaskOutcome>(TaskOutcome taskOutcome) -> taskOutcome;
            case Outcome.Failure<TaskOutcome>(Throwable bug) ->
                    throw new IllegalStateException("a download failed unexpectedly", bug);
        }).toList();
    }

    /** {@code runTask}: one poem, on its own virtual thread. Never throws for a poetry failure. */
    private static TaskOutcome fetchOne(Address address, ClientRun run, PoetryLines lines) throws InterruptedException {
        TaskContext context = TaskContext.current();
        int task = context.task();
        run.listener().started(task, address);
        long start = run.clock().nanoTime();
        try {
            byte[] poem = PoemLines.fetch(address,
                    chunk -> run.listener().received(task, chunk.length),
                    line -> lines.gotChunk(task, line.length, context.peer()));   // gotLine
            run.listener().finished(task);
            lines.poemText(poem);
            return new TaskOutcome.Fetched(task, address, poem, run.clock().since(start));
        } catch (FetchFailedException e) {
            run.listener().failed(task, e.reason());
            lines.failed(task, e.reason());
            return new TaskOutcome.Failed(task, address, e.reason(), e.partial(), run.clock().since(start));
        }
    }
}
