package org.slowpoetry.clients.reactor.protocol;

import java.util.List;
import java.util.Set;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.ClientStyle;
import org.slowpoetry.clients.GetOption;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.clients.PoemTask;
import org.slowpoetry.clients.reactor.ReactorFetch;
import org.slowpoetry.fetch.PoetryClient;
import org.slowpoetry.protocol.Address;

/**
 * Client 2.0 of Part 5 ({@code get --style reactor}, the text's
 * {@code twisted-client-2/get-poetry.py}): sockets are gone. The client asks the reactor to connect
 * ({@code connectTCP}) and gives it a factory; the reactor makes the connection, builds a protocol
 * from the factory, and feeds it the bytes. That factory and protocol are the one
 * {@link PoetryClient} every version from 2.0 on uses; what makes this version 2.0 is its
 * {@link TaskPoetrySink}. Its stdout is the original's:
 *
 * <pre>
 * Task 1: got 30 bytes of poetry from 127.0.0.1:10000
 * Failed to connect to: 127.0.0.1:10004
 * ...
 * Task 1: 3003 bytes of poetry
 * Got 1 poem in 0:00:10.126361
 * </pre>
 *
 * <p>Differences, on purpose: the task numbers are the addresses' positions (the original numbers
 * the connections as they are made); the sizes come in task order (the original's dict gives task
 * order under Python 2, completion order under Python 3); the address is printed as given, where
 * the original prints Twisted's {@code IPv4Address(...)}; a connection broken half-way, or closed
 * before a byte, is a failure on stderr, not a poem.
 *
 * <p>{@code --show-stack} prints the call stack at the first {@code dataReceived}: the reactor's
 * loop on top, our protocol at the bottom, and in between the transport's {@code doRead}, the
 * client 1.0 callback now written by the reactor (Figure 10).
 *
 * <p><b>Threading:</b> stateless; see {@link ReactorFetch}.
 */
public final class ProtocolClient implements ClientStyle {

    @Override
    public String name() {
        return "reactor";
    }

    @Override
    public String description() {
        return "client 2.0: connectTCP with a Protocol and a ClientFactory (Part 5)";
    }

    @Override
    public Set<GetOption> options() {
        return Set.of(GetOption.PRINT, GetOption.SHOW_STACK, GetOption.SELECTOR);
    }

    @Override
    public List<TaskOutcome> fetch(List<Address> addresses, ClientRun run) throws InterruptedException {
        return ReactorFetch.run(addresses, run, fetch -> {
            FirstReadStack stack = run.options().showStack() ? new FirstReadStack(fetch.lines()) : null;
            for (PoemTask task : fetch.tasks()) {
                task.start();
                new PoetryClient(fetch.reactor(), task.address(), fetch.settings())
                        .start(ReactorFetch.books(task).andThen(new TaskPoetrySink(task, fetch, stack)));
            }
        });
    }
}
