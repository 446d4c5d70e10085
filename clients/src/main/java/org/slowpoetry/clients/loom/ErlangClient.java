package org.slowpoetry.clients.loom;

import java.util.List;
import java.util.Set;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.ClientStyle;
import org.slowpoetry.clients.GetOption;
import org.slowpoetry.clients.PoemTask;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.loom.Mailbox;
import org.slowpoetry.loom.Monitored;
import org.slowpoetry.loom.ProcessBody;
import org.slowpoetry.loom.ProcessScope;
import org.slowpoetry.protocol.Address;

/**
 * Part 20's Erlang client in Java ({@code get --style erlang}): main spawns one monitored process
 * per server ({@code spawn_monitor}), each process fetches its poem with plain blocking calls and
 * sends it to main as messages ({@link GetPoetry}), and main receives until it has seen every
 * process go down ({@link CollectPoems}). No callbacks, no shared state: processes and messages.
 *
 * {@snippet lang = "text" :
 * $ slowpoetry get --style erlang 10000 10001 10002
 * Task 3: got 10 bytes of poetry from 127.0.0.1:10002
 * Task 1: got 30 bytes of poetry from 127.0.0.1:10000
 * ...
 * (the text of the poem that arrived last)
 * ...
 * (the text of the poem that arrived first)
 * }
 *
 * <p>That is the stdout of the text's {@code erlang-client-1/get-poetry}: a line per chunk as main
 * receives it, and once every process is down, the poems, the latest first (the original prepends
 * each poem to its list). The original prints the peer's IP with its octets joined by {@code :}
 * ({@code 127:0:0:1:10000}), a slip this one does not copy. A process that crashes (the server
 * cannot be reached, goes silent past {@code --timeout}, breaks the connection) is one line on
 * stderr, where the original's runtime prints an error report; the others carry on.
 *
 * <p>Options, the text's exercises: {@code --quiet} no line per chunk (exercise 2);
 * {@code --timing} a line on stderr for each poem, with how long it took (exercise 3);
 * {@code --in-order} poems in the order of the addresses, by selective receive (exercise 4); the
 * crash line is read from the crashed process's {@code Down} (exercise 5). {@code --retries N}
 * puts each download under a supervisor that restarts it up to N times when it crashes (Part 20's
 * closing note on Erlang's error handling), each crash a line on stderr:
 *
 * {@snippet lang = "text" :
 * Task 1: crashed: lost connection to 127.0.0.1:10000 after 0 bytes: Connection reset
 * }
 *
 * <p><b>Threading:</b> stateless. The calling thread plays Erlang's main process: it owns the
 * mailbox the processes send to, and receives from it. The processes live in a
 * {@link ProcessScope} owned by {@link #fetch}, so every one of them (and every supervisor) has
 * ended when it returns or throws; an interrupt of the caller ends them all and {@code fetch}
 * throws {@link InterruptedException}.
 */
public final class ErlangClient implements ClientStyle {

    @Override
    public String name() {
        return "erlang";
    }

    @Override
    public String description() {
        return "a process per poem, messages to main until all are down (Part 20)";
    }

    @Override
    public Set<GetOption> options() {
        return Set.of(GetOption.QUIET, GetOption.TIMING, GetOption.IN_ORDER, GetOption.RETRIES);
    }

    @Override
    public List<TaskOutcome> fetch(List<Address> addresses, ClientRun run) throws InterruptedException {
        Mailbox<Object> main = new Mailbox<>();
        CollectPoems collector = new CollectPoems(run);
        int retries = run.options().retries();
        FetchSettings settings = run.options().fetch();
        try (var scope = ProcessScope.open("get-poetry")) {
            for (PoemTask task : run.tasks(addresses)) {
                task.start();
                ProcessBody<Object> body = retries > 0
                        ? GetPoetry.supervised(task.number(), task.address(), settings, main, retries, run.clock())
                        : GetPoetry.plain(task.number(), task.address(), settings, main);
                Monitored<Object> process = scope.spawnMonitor(main, "task-" + task.number(), body);
                collector.watch(task, process.pid(), process.ref());
            }
            return collector.collect(main);
        } // every process has ended here: a fetch leaves no thread behind
    }
}
