package org.slowpoetry.clients.reactor.deferred;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.ClientStyle;
import org.slowpoetry.clients.GetOption;
import org.slowpoetry.clients.PoemTask;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.clients.reactor.ReactorFetch;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.fetch.FetchException;
import org.slowpoetry.fetch.PoetryClient;
import org.slowpoetry.protocol.Address;

/**
 * Client 4.0 of Part 8 ({@code get --style deferred}, the text's
 * {@code twisted-client-4/get-poetry.py}): the first poetry client "truly written in the Twisted
 * style". {@link PoetryClient#getPoetry getPoetry} takes just the address and returns a
 * {@link Deferred}, made and fired by {@code getPoetry} itself (Part 13's "you make it, you fire
 * it"); the caller adds its callback and errback, and, using the chain, one more stage that runs
 * either way and stops the reactor once every poem is in:
 *
 * {@snippet :
 * Deferred<byte[]> d = PoetryClient.getPoetry(reactor, address, settings, task::received);
 * d.addCallbacks(this::gotPoem, this::poemFailed);
 * d.addBoth(this::poemDone);
 * }
 *
 * <p>The errback's {@link org.slowpoetry.defer.Failure} holds a {@link FetchException}, whose
 * {@code failure()} says why, as a value. The Deferred can be cancelled (Part 19): that closes the
 * connection.
 *
 * <p>Its stdout is the original's: the poems, after the reactor has stopped, in the order they
 * completed. A failed poem is one line on stderr at once, with the server's address (Part 8's
 * second exercise): {@code Poem failed: failed to connect to 127.0.0.1:10004: Connection refused}
 * (the original prints Twisted's {@code [Failure instance: ...]}). A connection broken half-way, or
 * closed before a byte, is a failure here, not a poem.
 *
 * <p><b>Threading:</b> stateless; the callbacks run on the reactor thread (see {@link ReactorFetch}).
 */
public final class DeferredClient implements ClientStyle {

    @Override
    public String name() {
        return "deferred";
    }

    @Override
    public String description() {
        return "client 4.0: getPoetry returns a Deferred, the caller adds callbacks and errbacks (Part 8)";
    }

    @Override
    public Set<GetOption> options() {
        return Set.of(GetOption.SELECTOR);
    }

    @Override
    public List<TaskOutcome> fetch(List<Address> addresses, ClientRun run) throws InterruptedException {
        List<byte[]> poems = new ArrayList<>(); // filled on the reactor thread, read after it has ended
        List<TaskOutcome> outcomes = ReactorFetch.run(addresses, run, fetch -> {
            for (PoemTask task : fetch.tasks()) {
                task.start();
                Deferred<byte[]> d = PoetryClient.getPoetry(fetch.reactor(), task.address(), fetch.settings(),
                        task::received);
                d.addCallbacks(
                        poem -> {                                  // got_poem
                            task.fetched(poem);
                            poems.add(poem);
                            return null;
                        },
                        err -> {                                   // poem_failed
                            fetch.lines().poemFailed(ReactorFetch.endWith(task, err));
                            return null;
                        });
                d.addBoth(ignored -> {                             // poem_done
                    if (fetch.allOver()) {
                        fetch.stopReactor();
                    }
                    return null;
                });
            }
        });
        poems.forEach(PoetryLines.of(run)::poemText); // after reactor.run(), as the text's main does
        return outcomes;
    }
}
