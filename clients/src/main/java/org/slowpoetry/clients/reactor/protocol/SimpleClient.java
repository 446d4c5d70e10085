package org.slowpoetry.clients.reactor.protocol;

import java.util.List;
import java.util.Set;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.ClientStyle;
import org.slowpoetry.clients.GetOption;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.clients.reactor.PoemTask;
import org.slowpoetry.clients.reactor.ReactorFetch;
import org.slowpoetry.protocol.Address;

/**
 * Client 2.1 of Part 5 ({@code get --style reactor-simple}): client 2.0 without the task numbers,
 * "about the poetry". It prints only what goes wrong, one line per server that cannot be reached:
 *
 * <pre>
 * Failed to connect to: 127.0.0.1:10004
 * </pre>
 *
 * and the poems themselves with {@code get --print}.
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
        return "client 2.1: client 2.0 without task numbers, a line per server it cannot reach (Part 5)";
    }

    @Override
    public Set<GetOption> options() {
        return Set.of(GetOption.SELECTOR);
    }

    @Override
    public List<TaskOutcome> fetch(List<Address> addresses, ClientRun run) throws InterruptedException {
        return ReactorFetch.run(addresses, run, fetch -> {
            for (PoemTask task : fetch.tasks()) {
                Address address = task.address();
                fetch.reactor().connectTCP(address.host(), address.port(), new SimplePoetryFactory(task, fetch));
            }
        });
    }
}
