package org.slowpoetry.clients.reactor.callbacks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.ClientStyle;
import org.slowpoetry.clients.GetOption;
import org.slowpoetry.clients.PoemTask;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.clients.reactor.ReactorFetch;
import org.slowpoetry.defer.Failure;
import org.slowpoetry.fetch.FetchException;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.fetch.PoemSink;
import org.slowpoetry.fetch.PoetryClient;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.reactor.Reactor;

/**
 * Client 3.1 of Part 6 ({@code get --style errbacks}, the text's
 * {@code twisted-client-3/get-poetry-1.py}): errors are asynchronous too, so they need a code path
 * of their own, a second callback: {@link #getPoetry getPoetry(host, port, callback, errback)}. The
 * errback gets a {@link Failure} whose value is a {@link FetchException}, and reads why from it:
 *
 * {@snippet :
 * err -> {                                                      // poem_failed
 *     FetchException e = (FetchException) err.value();
 *     lines.poemFailed(e.failure());   // Poem failed: failed to connect to 127.0.0.1:10004: Connection refused
 * }
 * }
 *
 * <p>Its stdout is the original's: the poems, after the reactor has stopped, in the order they
 * completed; the {@code Poem failed:} line goes to stderr at once, as the original's does (which
 * prints Twisted's {@code [Failure instance: ...]} where ours prints the reason, with the server's
 * address). A connection broken half-way, or closed before a byte, is a failure here, not a poem.
 *
 * <p>Every version from here on needs "two extra arguments, a callback and an errback"; Part 7's
 * Deferred removes them again (client 4.0, {@code get --style deferred}).
 *
 * <p><b>Threading:</b> stateless; the callbacks run on the reactor thread (see {@link ReactorFetch}).
 */
public final class ErrbackClient implements ClientStyle {

    @Override
    public String name() {
        return "errbacks";
    }

    @Override
    public String description() {
        return "client 3.1: getPoetry(host, port, callback, errback); the errback gets a Failure (Part 6)";
    }

    @Override
    public Set<GetOption> options() {
        return Set.of(GetOption.SELECTOR);
    }

    /**
     * Client 3.1's {@code get_poetry}: downloads the poem at {@code address} and calls
     * {@code callback} with it, or {@code errback} with a Failure of a {@link FetchException} saying
     * why there is none. {@code progress} hears the size of each chunk.
     */
    public static void getPoetry(Reactor reactor, Address address, FetchSettings settings, IntConsumer progress,
            Consumer<byte[]> callback, Consumer<Failure> errback) {
        new PoetryClient(reactor, address, settings)
                .start(PoemSink.of(progress, callback, failed -> errback.accept(Failure.of(failed))));
    }

    @Override
    public List<TaskOutcome> fetch(List<Address> addresses, ClientRun run) throws InterruptedException {
        List<byte[]> poems = new ArrayList<>(); // filled on the reactor thread, read after it has ended
        List<TaskOutcome> outcomes = ReactorFetch.run(addresses, run, fetch -> {
            for (PoemTask task : fetch.tasks()) {
                task.start();
                getPoetry(fetch.reactor(), task.address(), fetch.settings(), task::received,
                        poem -> {                                  // got_poem
                            task.fetched(poem);
                            poems.add(poem);
                            poemDone(fetch);
                        },
                        err -> {                                   // poem_failed
                            fetch.lines().poemFailed(ReactorFetch.endWith(task, err));
                            poemDone(fetch);
                        });
            }
        });
        poems.forEach(PoetryLines.of(run)::poemText); // after reactor.run(), as the text's main does
        return outcomes;
    }

    /** The text's {@code poem_done}: once every poem is in or failed, stop the reactor. */
    private static void poemDone(ReactorFetch fetch) {
        if (fetch.allOver()) {
            fetch.stopReactor();
        }
    }
}
