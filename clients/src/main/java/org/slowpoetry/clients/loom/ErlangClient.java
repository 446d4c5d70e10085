package org.slowpoetry.clients.loom;

import java.util.List;
import java.util.Set;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.ClientStyle;
import org.slowpoetry.clients.GetOption;
import org.slowpoetry.clients.TaskOutcome;
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
 * Task 2: 641 bytes of poetry
 * Task 3: 646 bytes of poetry
 * Task 1: 3049 bytes of poetry
 * Got 3 poems in 0:00:10.274519
 * }
 *
 * <p>A line per poem is printed the moment main receives it. Options, the text's exercises:
 * {@code --quiet} no line per chunk (exercise 2); {@code --timing} each poem's line says how long it
 * took (exercise 3); {@code --in-order} poems in the order of the addresses, by selective receive
 * (exercise 4); a server that cannot be reached is one readable line, read from the crashed
 * process's {@code Down} (exercise 5). {@code --retries N} puts each download under a supervisor
 * that restarts it up to N times when it crashes (Part 20's closing note on Erlang's error
 * handling):
 *
 * {@snippet lang = "text" :
 * Task 1: crashed: lost connection to 127.0.0.1:10000 after 0 bytes: Connection reset
 * Task 1: got 30 bytes of poetry from 127.0.0.1:10000
 * ...
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
        try (var scope = ProcessScope.open("get-poetry")) {
            int task = 0;
            for (Address address : addresses) {
                task++;
                long start = run.clock().nanoTime();
                run.listener().started(task, address);
                ProcessBody<Object> body = run.options().retries() > 0
                        ? GetPoetry.supervised(task, address, main, run.options().retries(), run.clock(), start)
                        : GetPoetry.plain(task, address, main, run.clock(), start);
                Monitored<Object> process = scope.spawnMonitor(main, "task-" + task, body);
                collector.watch(address, process.pid(), process.ref(), start);
            }
            return collector.collect(main);
        } // every process has ended here: a fetch leaves no thread behind
    }
}
