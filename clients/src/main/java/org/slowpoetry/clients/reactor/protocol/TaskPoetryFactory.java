package org.slowpoetry.clients.reactor.protocol;

import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.clients.reactor.PoemTask;
import org.slowpoetry.clients.reactor.ReactorFetch;
import org.slowpoetry.reactor.Transport;

/**
 * Client 2.0's factory (Part 5's {@code get-poetry.py}): {@link SimplePoetryFactory} with the task
 * numbers still in. It prints a line for every chunk, as clients 1.0 and 2.0 do,
 *
 * <pre>
 * Task 1: got 30 bytes of poetry from 127.0.0.1:10000
 * </pre>
 *
 * and, once every poem is in, the size of each ({@code Task 1: 3003 bytes of poetry}).
 * With {@code --show-stack} the first chunk of the run prints the call stack first.
 *
 * <p><b>Threading:</b> the reactor calls it on its thread.
 */
final class TaskPoetryFactory extends SimplePoetryFactory {
    /** Shared by the run's factories; null without --show-stack. */
    private final FirstReadStack stack;

    TaskPoetryFactory(PoemTask task, ReactorFetch fetch, FirstReadStack stack) {
        super(task, fetch);
        this.stack = stack;
    }

    /** The text's {@code dataReceived} line; here the protocol passes the news on to us. */
    @Override
    protected void chunkReceived(int bytes, Transport transport) {
        if (stack != null) {
            stack.showOnce();
        }
        fetch.lines().gotChunk(task().number(), bytes, task().address());
    }

    /** The text's {@code report()}: each poem's size, in task order. */
    @Override
    void report() {
        for (PoemTask task : fetch.tasks()) {
            if (task.outcome() instanceof TaskOutcome.Fetched fetched) {
                fetch.lines().poemSize(fetched.task(), fetched.received());
            }
        }
    }
}
