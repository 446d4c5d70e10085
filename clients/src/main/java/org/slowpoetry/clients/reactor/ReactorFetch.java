package org.slowpoetry.clients.reactor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.PoemTask;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.defer.Failure;
import org.slowpoetry.fetch.FetchException;
import org.slowpoetry.fetch.FetchFailure;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.fetch.PoemResult;
import org.slowpoetry.fetch.PoemSink;
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
 *         task.start();
 *         PoetryClient.getPoetry(fetch.reactor(), task.address(), fetch.settings(), task::received)
 *                 .addBoth(result -> {
 *                     // ... end the task with the poem or the failure, then:
 *                     if (fetch.allOver()) {
 *                         fetch.stopReactor();   // the text's reactor.stop()
 *                     }
 *                     return null;
 *                 });
 *     }
 * });                                            // returns once the reactor has stopped
 * }
 *
 * <p>How each version learns that every poem is in, and stops the reactor, is the client's own
 * business, as in the text: a count in the factory (2.0), in {@code got_poem} (3.0), in
 * {@code poem_done} (4.0), a {@code DeferredList} (8.0), no readers left (1.0). The tasks are the
 * shared {@link PoemTask}s, ended once each by the version's code.
 *
 * <p><b>Threading:</b> {@link #run} is called on the command's thread, which runs {@link Main}
 * while it still owns the new reactor (as the text's {@code poetry_main} connects before
 * {@code reactor.run()}); the reactor then runs on a platform thread that {@code run} starts and
 * joins before it returns, normally or by exception. {@link #stopReactor()} belongs to the loop
 * thread (before the reactor runs: the command's thread), as the reactor's own methods do; the
 * other accessors are safe anywhere. Everything the loop did happens-before {@code run} returns
 * (the join).
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
        this.tasks = run.tasks(addresses);
    }

    /**
     * Fetches from {@code addresses} with the client {@code main}: opens a reactor on
     * {@code run.options().selector()}, calls {@code main}, runs the reactor until it is stopped,
     * and returns the tasks' outcomes in address order.
     *
     * @throws SelectorUnavailableException if the chosen selector is not available in this JVM (its
     *     message says why)
     * @throws InterruptedException if the calling thread is interrupted; the reactor is stopped
     *     (tearing down every connection) and its thread joined first
     * @throws IllegalStateException if the reactor stopped with a task that never ended (a client bug)
     */
    public static List<TaskOutcome> run(List<Address> addresses, ClientRun run, Main main)
            throws InterruptedException {
        SelectorKind kind = SelectorKind.fromName(run.options().selector());
        try (Reactor reactor = Reactor.open(kind, run.clock())) {
            ReactorFetch fetch = new ReactorFetch(reactor, addresses, run);
            main.start(fetch);
            try (ReactorThread loop = ReactorThread.start(reactor, "poetry-reactor")) {
                loop.join(); // interrupted: closing the loop stops the reactor and joins its thread
            }
            return PoemTask.outcomes(fetch.tasks);
        } catch (IOException e) {
            throw new UncheckedIOException("the reactor client could not start", e);
        }
    }

    /**
     * The books of {@code task} as a {@link PoemSink}: each chunk counted, the task ended with the
     * download's result. For the versions whose own code hears the download as a sink, or through
     * a callback that cannot say why there is no poem (client 3.0): put it first, then the
     * version's sink ({@link PoemSink#andThen}).
     */
    public static PoemSink books(PoemTask task) {
        return new PoemSink() {
            @Override
            public void chunk(int bytes) {
                task.received(bytes);
            }

            @Override
            public void ended(PoemResult result) {
                task.end(result);
            }
        };
    }

    /**
     * Ends {@code task} with the failure an errback was given, and returns it: the download's own
     * ({@code failure}'s value is the {@link FetchException} the download's Deferred failed with), or
     * one a later stage of the chain raised, which rejected the poem (Part 10's GibberishError):
     * {@link FetchFailure.Rejected}.
     */
    public static FetchFailure endWith(PoemTask task, Failure failure) {
        if (failure.value() instanceof FetchException e) {
            task.failed(e.failure(), e.partial());
            return e.failure();
        }
        FetchFailure rejected = new FetchFailure.Rejected(task.address(), task.received(), failure.getErrorMessage());
        task.failed(rejected, new byte[0]);
        return rejected;
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

    /** The bounds of every download: {@code --timeout} (connect and idle read) and the largest poem. */
    public FetchSettings settings() {
        return run.options().fetch();
    }

    /** The whole run: the options, the clock. */
    public ClientRun run() {
        return run;
    }

    /** Whether every task has ended, with a poem or without. */
    public boolean allOver() {
        return tasks.stream().allMatch(PoemTask::isOver);
    }

    /**
     * The text's {@code reactor.stop()}, made safe for the three moments a client may call it: while
     * the reactor runs it stops it; before it runs (every download failed at once) it stops it as
     * soon as it starts; while it is already stopping (its teardown loses the remaining
     * connections, and the clients hear about that too) it does nothing. Loop thread only: the
     * reactor throws {@code WrongThreadException} elsewhere.
     */
    public void stopReactor() {
        switch (reactor.state()) {
            case NEW -> reactor.callWhenRunning(reactor::stop);
            case RUNNING -> reactor.stop();
            case STOPPING, STOPPED -> { }
        }
    }
}
