package org.slowpoetry.clients.reactor.callbacks;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.ClientStyle;
import org.slowpoetry.clients.GetOption;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.clients.reactor.PoemTask;
import org.slowpoetry.clients.reactor.ReactorFetch;
import org.slowpoetry.defer.Failure;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.reactor.Reactor;

/**
 * Client 3.1 of Part 6 ({@code get --style errbacks}): errors are asynchronous too, so they need a
 * code path of their own, a second callback: {@link #getPoetry getPoetry(host, port, callback,
 * errback)}. The errback gets a {@link Failure} and prints it as the text does:
 *
 * <pre>
 * Poem failed: [Failure instance: java.net.ConnectException: Connection refused] (127.0.0.1:10004)
 * </pre>
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
     * Client 3.1's {@code get_poetry}: downloads a poem from the task's server and calls
     * {@code callback} with it, or {@code errback} with the reason there is none.
     */
    public static void getPoetry(Reactor reactor, PoemTask task, Consumer<String> callback, Consumer<Failure> errback) {
        Address address = task.address();
        reactor.connectTCP(address.host(), address.port(), new ErrbackPoetryFactory(task, callback, errback));
    }

    @Override
    public List<TaskOutcome> fetch(List<Address> addresses, ClientRun run) throws InterruptedException {
        return ReactorFetch.run(addresses, run, fetch -> {
            for (PoemTask task : fetch.tasks()) {
                getPoetry(fetch.reactor(), task,
                        poem -> {                                  // got_poem
                            task.succeeded(poem);
                            poemDone(fetch);
                        },
                        err -> {                                   // poem_failed
                            fetch.lines().poemFailed(err, task.address());
                            task.failed(err);
                            poemDone(fetch);
                        });
            }
        });
    }

    /** The text's {@code poem_done}: once every poem is in or failed, stop the reactor. */
    private static void poemDone(ReactorFetch fetch) {
        if (fetch.allOver()) {
            fetch.stopReactor();
        }
    }
}
