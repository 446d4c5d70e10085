package org.slowpoetry.clients.reactor.protocol;

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
import org.slowpoetry.fetch.PoetryClient;
import org.slowpoetry.protocol.Address;

/**
 * Client 2.1 of Part 5 ({@code get --style reactor-simple}, the text's
 * {@code twisted-client-2/get-poetry-simple.py}): client 2.0 without the task numbers, "about the
 * poetry". Its stdout is the original's: a line for each server it cannot reach, at once, and,
 * once the reactor has stopped, the poems in the order they completed:
 *
 * <pre>
 * Failed to connect to: 127.0.0.1:10004
 * This poem arrived first,
 * ...
 * </pre>
 *
 * <p>Its own part is the {@link SimplePoetrySink} shared by all its connections. Differences, on
 * purpose: the address is printed as given (the original prints Twisted's {@code IPv4Address(...)});
 * a connection broken half-way, or closed before a byte, is a failure on stderr
 * ({@code Poem failed: ...}), where the original prints the partial or empty poem.
 *
 * <p><b>Threading:</b> stateless; see {@link ReactorFetch}.
 */
public final class SimpleClient implements ClientStyle {

    @Override
    public String name() {
        return "reactor-simple";
    }

    @Override
    public String description() {
        return "client 2.1: client 2.0 without task numbers; prints the poems (Part 5)";
    }

    @Override
    public Set<GetOption> options() {
        return Set.of(GetOption.SELECTOR);
    }

    @Override
    public List<TaskOutcome> fetch(List<Address> addresses, ClientRun run) throws InterruptedException {
        List<byte[]> poems = new ArrayList<>(); // filled on the reactor thread, read after it has ended
        List<TaskOutcome> outcomes = ReactorFetch.run(addresses, run, fetch -> {
            SimplePoetrySink sink = new SimplePoetrySink(fetch, poems);
            for (PoemTask task : fetch.tasks()) {
                task.start();
                new PoetryClient(fetch.reactor(), task.address(), fetch.settings())
                        .start(ReactorFetch.books(task).andThen(sink));
            }
        });
        poems.forEach(PoetryLines.of(run)::poemText); // after reactor.run(), as the text's main does
        return outcomes;
    }
}
