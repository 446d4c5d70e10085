package org.slowpoetry.clients.reactor.protocol;

import java.util.List;
import org.slowpoetry.clients.reactor.ReactorFetch;
import org.slowpoetry.fetch.FetchFailure;
import org.slowpoetry.fetch.PoemResult;
import org.slowpoetry.fetch.PoemSink;

/**
 * Client 2.1's own part (Part 5's {@code get-poetry-simple.py}), one for every connection of the
 * run, as the text's one factory is: it collects the poems in the order they complete, says
 * {@code Failed to connect to: 127.0.0.1:10004} (stdout) when a server cannot be reached, and, once
 * no poem is still to come, stops the reactor. The program prints the poems after that.
 *
 * <p>A connection that breaks half-way is a poem to the text's 2.1; here it is a failure, one line
 * on stderr: {@code Poem failed: lost connection to ...}.
 *
 * <p><b>Threading:</b> the reactor calls it on its thread.
 */
final class SimplePoetrySink implements PoemSink {
    private final ReactorFetch fetch;
    /** Where the poems go, in completion order; the caller reads it after the reactor has ended. */
    private final List<byte[]> poems;

    SimplePoetrySink(ReactorFetch fetch, List<byte[]> poems) {
        this.fetch = fetch;
        this.poems = poems;
    }

    /** The text's {@code poem_finished} and {@code clientConnectionFailed}. */
    @Override
    public void ended(PoemResult result) {
        switch (result) {
            case PoemResult.Poem(byte[] poem) -> poems.add(poem);
            case PoemResult.Failed(FetchFailure why, byte[] partial) when why.beforeConnection() ->
                    fetch.lines().failedToConnect(why.address());
            case PoemResult.Failed(FetchFailure why, byte[] partial) -> fetch.lines().poemFailed(why);
        }
        if (fetch.allOver()) {
            fetch.stopReactor();
        }
    }
}
