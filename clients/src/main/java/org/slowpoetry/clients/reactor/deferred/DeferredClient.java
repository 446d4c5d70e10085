package org.slowpoetry.clients.reactor.deferred;

import java.util.List;
import java.util.Set;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.ClientStyle;
import org.slowpoetry.clients.GetOption;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.clients.reactor.PoemTask;
import org.slowpoetry.clients.reactor.ReactorFetch;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.protocol.Address;

/**
 * Client 4.0 of Part 8 ({@code get --style deferred}): the first poetry client "truly written in
 * the Twisted style". {@link GetPoetry#getPoetry} takes just the address and returns a
 * {@link Deferred}; the caller adds its callback and errback to it, and, using the chain, one more
 * stage that runs either way and stops the reactor once every poem is in:
 *
 * {@snippet :
 * Deferred<String> d = getPoetry(reactor, task);
 * d.addCallbacks(this::gotPoem, this::poemFailed);
 * d.addBoth(this::poemDone);
 * }
 *
 * <p>It prints a line per poem that failed, with the server's address (Part 8's second exercise):
 * {@code Poem failed: [Failure instance: java.net.ConnectException: Connection refused]
 * (127.0.0.1:10004)}. The poems themselves: {@code get --print}.
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
        return ReactorFetch.run(addresses, run, fetch -> {
            for (PoemTask task : fetch.tasks()) {
                Deferred<String> d = GetPoetry.getPoetry(fetch.reactor(), task);
                d.addCallbacks(
                        poem -> {                                  // got_poem
                            task.succeeded(poem);
                            return null;
                        },
                        err -> {                                   // poem_failed
                            fetch.lines().poemFailed(err, task.address());
                            task.failed(err);
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
    }
}
