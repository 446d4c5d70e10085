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
import org.slowpoetry.protocol.Address;
import org.slowpoetry.reactor.Reactor;

/**
 * Client 3.0 of Part 6 ({@code get --style callbacks}): poetry for everyone. Getting a poem is now
 * a function any reactor program can call, {@link #getPoetry getPoetry(host, port, callback)}, and
 * the code that wants the poem is the one that decides when the program is done:
 *
 * {@snippet :
 * getPoetry(reactor, task, poem -> {      // got_poem
 *     poems.add(poem);
 *     if (poems.size() == addresses.size()) {
 *         reactor.stop();
 *     }
 * });
 * }
 *
 * <p>When there is no poem the callback gets null (see {@link CallbackPoetryFactory}), and all this
 * client can say is {@code No poem from 127.0.0.1:10004 (the callback was given null; client 3.0
 * cannot tell why)}. The poems themselves: {@code get --print}.
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
     * Client 3.0's {@code get_poetry}: downloads a poem from the task's server and calls
     * {@code callback} with it, or with null if there is none.
     */
    public static void getPoetry(Reactor reactor, PoemTask task, Consumer<String> callback) {
        Address address = task.address();
        reactor.connectTCP(address.host(), address.port(), new CallbackPoetryFactory(task, callback));
    }

    @Override
    public List<TaskOutcome> fetch(List<Address> addresses, ClientRun run) throws InterruptedException {
        return ReactorFetch.run(addresses, run, fetch -> {
            for (PoemTask task : fetch.tasks()) {
                getPoetry(fetch.reactor(), task, poem -> gotPoem(fetch, task, poem));
            }
        });
    }

    /** The text's {@code got_poem}: keep the poem; once all are in, stop the reactor. */
    private static void gotPoem(ReactorFetch fetch, PoemTask task, String poem) {
        if (poem == null) {
            fetch.lines().noPoem(task.address());
            task.failed(); // the task's books know why; this callback does not
        } else {
            task.succeeded(poem);
        }
        if (fetch.allOver()) {
            fetch.stopReactor();
        }
    }
}
