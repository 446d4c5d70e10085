package org.slowpoetry.clients.reactor.callbacks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.ClientStyle;
import org.slowpoetry.clients.GetOption;
import org.slowpoetry.clients.PoemTask;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.clients.reactor.ReactorFetch;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.fetch.PoemResult;
import org.slowpoetry.fetch.PoemSink;
import org.slowpoetry.fetch.PoetryClient;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.reactor.Reactor;

/**
 * Client 3.0 of Part 6 ({@code get --style callbacks}, the text's
 * {@code twisted-client-3/get-poetry.py}): poetry for everyone. Getting a poem is now a function
 * any reactor program can call, {@link #getPoetry getPoetry(host, port, callback)}, and the code
 * that wants the poem is the one that decides when the program is done:
 *
 * {@snippet :
 * getPoetry(reactor, address, settings, books, poem -> {      // got_poem
 *     poems.add(poem);
 *     if (poems.size() == addresses.size()) {
 *         reactor.stop();
 *     }
 * });
 * }
 *
 * <p>Its stdout is the original's: the poems, after the reactor has stopped, in the order they
 * completed. The text's 3.0 has no {@code clientConnectionFailed} and waits forever for a server
 * that is not there; this one takes the text's own first fix and calls the callback with null. That
 * ends the wait, and shows why the text goes on to 3.1: null says <em>that</em> something went
 * wrong, never <em>what</em>. All it can print is, on stderr,
 * {@code No poem from 127.0.0.1:10004 (the callback was given null; client 3.0 cannot tell why)}.
 * (Why the task failed is still known, to the books kept beside the callback.)
 *
 * <p><b>Threading:</b> stateless; the callbacks run on the reactor thread (see {@link ReactorFetch}).
 */
public final class CallbackClient implements ClientStyle {

    @Override
    public String name() {
        return "callbacks";
    }

    @Override
    public String description() {
        return "client 3.0: getPoetry(host, port, callback), a reusable function; the callback gets"
                + " null for a missing poem (Part 6)";
    }

    @Override
    public Set<GetOption> options() {
        return Set.of(GetOption.SELECTOR);
    }

    /**
     * Client 3.0's {@code get_poetry}: downloads the poem at {@code address} and calls
     * {@code callback} with it, or with null if there is none. {@code books} hears the download
     * first: each chunk, and how it ended, which the callback cannot be told.
     */
    public static void getPoetry(Reactor reactor, Address address, FetchSettings settings, PoemSink books,
            Consumer<byte[]> callback) {
        new PoetryClient(reactor, address, settings).start(books.andThen(result -> callback.accept(
                result instanceof PoemResult.Poem(byte[] poem) ? poem : null)));
    }

    @Override
    public List<TaskOutcome> fetch(List<Address> addresses, ClientRun run) throws InterruptedException {
        List<byte[]> poems = new ArrayList<>(); // filled on the reactor thread, read after it has ended
        List<TaskOutcome> outcomes = ReactorFetch.run(addresses, run, fetch -> {
            for (PoemTask task : fetch.tasks()) {
                task.start();
                getPoetry(fetch.reactor(), task.address(), fetch.settings(), ReactorFetch.books(task),
                        poem -> gotPoem(fetch, task.address(), poem, poems));
            }
        });
        poems.forEach(PoetryLines.of(run)::poemText); // after reactor.run(), as the text's main does
        return outcomes;
    }

    /** The text's {@code got_poem}: keep the poem; once all are in, stop the reactor. */
    private static void gotPoem(ReactorFetch fetch, Address address, byte[] poem, List<byte[]> poems) {
        if (poem == null) {
            fetch.lines().noPoem(address);
        } else {
            poems.add(poem);
        }
        if (fetch.allOver()) {
            fetch.stopReactor();
        }
    }
}
