package org.slowpoetry.clients.reactor.raw;

import java.util.List;
import java.util.Set;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.ClientStyle;
import org.slowpoetry.clients.GetOption;
import org.slowpoetry.clients.PoemTask;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.clients.reactor.ReactorFetch;
import org.slowpoetry.protocol.Address;

/**
 * Client 1.0 of Part 4 ({@code get --style reactor-raw}, the text's
 * {@code twisted-client-1/get-poetry.py}): the select client of Part 2 with the loop taken out. It
 * no longer selects itself; it gives each socket to the reactor as a {@link PoetrySocket}
 * ({@code reactor.addReader}) and the reactor calls it back. Its stdout is the original's:
 *
 * <pre>
 * Task 1: got 60 bytes of poetry from 127.0.0.1:10000
 * Task 2: got 10 bytes of poetry from 127.0.0.1:10001
 * Task 2 finished
 * ...
 * Task 1: 3003 bytes of poetry
 * Task 2: 623 bytes of poetry
 * Got 2 poems in 0:00:10.126361
 * </pre>
 *
 * <p>Where the original dies with a traceback (a refused connect) or drops a broken connection
 * silently, this one writes one line to stderr and goes on:
 * {@code Task 2: failed to connect to 127.0.0.1:10001: Connection refused}. A server silent for
 * {@code --timeout} is given up on with a {@code callLater} (Part 4's second exercise):
 * {@code Task 1: timed out after 2 s with 120 bytes from 127.0.0.1:10000}, on stderr.
 *
 * <p><b>Threading:</b> stateless; {@link #fetch} connects on the calling thread, then runs the
 * reactor on a thread of its own until the last socket is done (see {@link ReactorFetch}).
 */
public final class RawClient implements ClientStyle {

    @Override
    public String name() {
        return "reactor-raw";
    }

    @Override
    public String description() {
        return "client 1.0: a ReadDescriptor per socket on the raw reactor API; a timeout with"
                + " callLater (Part 4)";
    }

    @Override
    public Set<GetOption> options() {
        return Set.of(GetOption.PRINT, GetOption.SELECTOR);
    }

    @Override
    public List<TaskOutcome> fetch(List<Address> addresses, ClientRun run) throws InterruptedException {
        return fetchWith(PoetrySocket::new, addresses, run);
    }

    /** Client 1.0's main, with the sockets {@code maker} makes: the polite ones or the broken ones. */
    static List<TaskOutcome> fetchWith(PoetrySocket.Maker maker, List<Address> addresses, ClientRun run)
            throws InterruptedException {
        List<TaskOutcome> outcomes = ReactorFetch.run(addresses, run, fetch -> {
            for (PoemTask task : fetch.tasks()) {
                PoetrySocket.connect(task, fetch, maker);
            }
            if (fetch.reactor().getReaders().isEmpty()) {
                fetch.stopReactor(); // no connection was made: nothing to wait for
            }
        });
        PoetryLines.of(run).poemSizes(outcomes); // in address order, after the reactor stops
        return outcomes;
    }
}
