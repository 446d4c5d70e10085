package org.slowpoetry.clients.reactor.protocol;

import org.slowpoetry.clients.PoemTask;
import org.slowpoetry.clients.reactor.ReactorFetch;
import org.slowpoetry.fetch.FetchFailure;
import org.slowpoetry.fetch.PoemResult;
import org.slowpoetry.fetch.PoemSink;

/**
 * Client 2.0's own part (Part 5's {@code get-poetry.py}), for one task: a line for every chunk,
 *
 * <pre>
 * Task 1: got 30 bytes of poetry from 127.0.0.1:10000
 * </pre>
 *
 * {@code Failed to connect to: 127.0.0.1:10004} for a server that is not there, and, once no poem
 * is still to come, each poem's size ({@code Task 1: 3003 bytes of poetry}, in task order) and
 * <em>stopping the reactor itself</em>: the job Part 6 objects to ("an odd job for something called
 * PoetryClientFactory"). With {@code --show-stack} the first chunk of the run prints the call stack
 * first.
 *
 * <p>The task's books are kept before it hears anything ({@link ReactorFetch#books}), so when the
 * last sink hears its end, every task has its outcome.
 *
 * <p><b>Threading:</b> the reactor calls it on its thread.
 */
final class TaskPoetrySink implements PoemSink {
    private final PoemTask task;
    private final ReactorFetch fetch;
    /** Shared by the run's sinks; null without --show-stack. */
    private final FirstReadStack stack;

    TaskPoetrySink(PoemTask task, ReactorFetch fetch, FirstReadStack stack) {
        this.task = task;
        this.fetch = fetch;
        this.stack = stack;
    }

    /** The text's {@code dataReceived} line. */
    @Override
    public void chunk(int bytes) {
        if (stack != null) {
            stack.showOnce();
        }
        fetch.lines().gotChunk(task.number(), bytes, task.address());
    }

    /** The text's {@code poem_finished}, and {@code clientConnectionFailed}'s line. */
    @Override
    public void ended(PoemResult result) {
        if (result instanceof PoemResult.Failed(FetchFailure why, byte[] partial)) {
            if (why.beforeConnection()) {
                fetch.lines().failedToConnect(task.address());
            } else {
                fetch.lines().failed(task.number(), why); // the text's 2.0 calls a broken poem a poem
            }
        }
        if (fetch.allOver()) {
            fetch.lines().poemSizes(PoemTask.outcomes(fetch.tasks())); // the text's report()
            fetch.stopReactor();
        }
    }
}
