package org.slowpoetry.clients.reactor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.slowpoetry.cli.UserException;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.GetOptions;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.reactor.ReactorThread;
import org.slowpoetry.reactor.SelectorKind;
import org.slowpoetry.reactor.SelectorUnavailableException;

/**
 * One fetch by a reactor client: the frame every version of the text's {@code poetry_main} shares.
 * It opens a {@link Reactor} on the {@code --selector} the user chose, lets the client's
 * {@link Main} start its downloads, runs the reactor on a thread the fetch owns until the client
 * stops it, and returns one outcome per address.
 *
 * {@snippet :
 * List<TaskOutcome> outcomes = ReactorFetch.run(addresses, run, fetch -> {
 *     for (PoemTask task : fetch.tasks()) {
 *         getPoetry(fetch.reactor(), task).addBoth(result -> {
 *             // ... record the poem or the failure in the task, then:
 *             if (fetch.allOver()) {
 *                 fetch.stopReactor();          // the text's reactor.stop()
 *             }
 *             return null;
 *         });
 *     }
 * });                                           // returns once the reactor has stopped
 * }
 *
 * <p>How each version learns that every poem is in, and stops the reactor, is the client's own
 * business, as in the text: a count in the factory (2.0), in {@code got_poem} (3.0), in
 * {@code poem_done} (4.0), a {@code DeferredList} (8.0), no readers left (1.0).
 *
 * <p><b>Threading:</b> {@link #run} is called on the command's thread, which runs {@link Main}
 * while it still owns the new reactor (as the text's {@code poetry_main} connects before
 * {@code reactor.run()}); the reactor then runs on a platform thread that {@code run} starts and
 * joins before it returns, normally or by exception. The instance methods belong to the loop thread
 * (before the reactor runs: the command's thread) and throw {@link WrongThreadException} elsewhere.
 * Everything the loop did happens-before {@code run} returns (the join).
 */
public final class ReactorFetch {

    /**
     * A client's own start: begin every download, and arrange for the reactor to be stopped once
     * all the tasks have ended. Runs before the reactor does; nothing it starts completes before it
     * returns.
     */
    @FunctionalInterface
    public interface Main {
        void start(ReactorFetch fetch) throws IOException;
    }

    private final Reactor reactor;
    private final ClientRun run;
    private final PoetryLines lines;
    private final List<PoemTask> tasks;

    private ReactorFetch(Reactor reactor, List<Address> addresses, ClientRun run) {
        this.reactor = reactor;
        this.run = run;
        this.lines = PoetryLines.of(run);
        List<PoemTask> list = new ArrayList<>(addresses.size());
        for (int i = 0; i < addresses.size(); i++) {
            list.add(new PoemTask(i + 1, addresses.get(i), run, reactor));
        }
        this.tasks = List.copyOf(list);
    }

    /**
     * Fetches from {@code addresses} with the client {@code main}: opens a reactor on
     * {@code run.options().selector()}, calls {@code main}, runs the reactor until it is stopped,
     * and returns the tasks' outcomes in address order.
     *
     * @throws UserException if the chosen selector is not available in this JVM (one line saying why)
     * @throws InterruptedException if the calling thread is interrupted; the reactor is stopped
     *     (tearing down every connection) and its thread joined first
     * @throws IllegalStateException if the reactor stopped with a task that never ended (a client bug)
     */
    public static List<TaskOutcome> run(List<Address> addresses, ClientRun run, Main main)
            throws InterruptedException {
        try (Reactor reactor = open(run)) {
            ReactorFetch fetch = new ReactorFetch(reactor, addresses, run);
            main.start(fetch);
            try (ReactorThread loop = ReactorThread.start(reactor, "poetry-reactor")) {
                loop.join(); // interrupted: closing the loop stops the reactor and joins its thread
            }
            return fetch.tasks.stream().map(PoemTask::outcome).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the reactor client could not start", e);
        }
    }

    private static Reactor open(ClientRun run) throws IOException {
        SelectorKind kind = SelectorKind.fromName(run.options().selector());
        try {
            return Reactor.open(kind, run.clock());
        } catch (SelectorUnavailableException e) {
            throw new UserException(e.getMessage(), e);
        }
    }

    /** The reactor every download of this fetch runs on. */
    public Reactor reactor() {
        return reactor;
    }

    /** One task per address, in address order. */
    public List<PoemTask> tasks() {
        return tasks;
    }

    /** Where the client prints its lines. */
    public PoetryLines lines() {
        return lines;
    }

    /** The {@code get} options. */
    public GetOptions options() {
        return run.options();
    }

    /** Whether every task has ended, with a poem or without. Loop thread only. */
    public boolean allOver() {
        checkInLoop();
        return tasks.stream().allMatch(PoemTask::over);
    }

    /**
     * The text's {@code reactor.stop()}, made safe for the three moments a client may call it: while
     * the reactor runs it stops it; before it runs (every download failed at once) it stops it as
     * soon as it starts; while it is already stopping (its teardown loses the remaining
     * connections, and the clients hear about that too) it does nothing. Loop thread only.
     */
    public void stopReactor() {
        checkInLoop();
        switch (reactor.state()) {
            case NEW -> reactor.callWhenRunning(reactor::stop);
            case RUNNING -> reactor.stop();
            case STOPPING, STOPPED -> { }
        }
    }

    private void checkInLoop() {
        if (!reactor.inEventLoop()) {
            throw new WrongThreadException("a fetch belongs to its reactor's thread, not to "
                    + Thread.currentThread().getName());
        }
    }
}
