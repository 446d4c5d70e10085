package org.slowpoetry.clients.reactor.protocol;

import org.slowpoetry.clients.reactor.PoemTask;
import org.slowpoetry.clients.reactor.PoetryClientFactory;
import org.slowpoetry.clients.reactor.ReactorFetch;
import org.slowpoetry.reactor.Connector;

/**
 * Client 2.1's factory (Part 5's {@code get-poetry-simple.py}): it collects the finished poems,
 * says {@code Failed to connect to: HOST:PORT} when a server cannot be reached, and, once no poem
 * is still to come, reports and <em>stops the reactor itself</em>. That last job is the one Part 6
 * objects to ("an odd job for something called PoetryClientFactory"): this factory can only be used
 * by a program that does nothing but download poems.
 *
 * {@snippet :
 * reactor.connectTCP(host, port, new SimplePoetryFactory(task, fetch));
 * }
 *
 * <p>Not final: client 2.0's {@link TaskPoetryFactory} is this plus task numbers.
 *
 * <p><b>Threading:</b> the reactor calls it on its thread; the count it keeps (the tasks of the
 * fetch) needs no lock, since "the reactor can only make one callback at a time".
 */
class SimplePoetryFactory extends PoetryClientFactory {
    /** The whole fetch: the other tasks, the reactor, where to print. */
    final ReactorFetch fetch;

    SimplePoetryFactory(PoemTask task, ReactorFetch fetch) {
        super(task);
        this.fetch = fetch;
    }

    @Override
    protected final void poemFinished(byte[] poem) {
        task().succeeded(poem);
        poemDone();
    }

    @Override
    protected final void connectFailed(Connector connector, Throwable reason) {
        fetch.lines().failedToConnect(task().address());
        task().failed();
        poemDone();
    }

    /** The connection broke half-way (the text's version calls that a poem too). */
    @Override
    protected final void poemFailed(Throwable reason) {
        fetch.lines().poemFailed(task().downloadFailureReason().orElseThrow());
        task().failed();
        poemDone();
    }

    /** The text's {@code poem_finished} count: when every task has ended, report and stop. */
    private void poemDone() {
        if (fetch.allOver()) {
            report();
            fetch.stopReactor();
        }
    }

    /**
     * The report once every poem is in. Client 2.1 prints the poems themselves, which
     * {@code get --print} does here after the summary; so this prints nothing.
     */
    void report() {
    }
}
