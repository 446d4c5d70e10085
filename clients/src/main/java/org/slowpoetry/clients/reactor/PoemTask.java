package org.slowpoetry.clients.reactor;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.defer.Failure;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.reactor.EventLoop;

/**
 * The bookkeeping for one address of a reactor fetch: its task number, the events the
 * {@link org.slowpoetry.clients.TaskListener} hears, and the {@link TaskOutcome} that {@code get}
 * reports. The text's clients keep the same facts in their {@code poems} and {@code errors} lists;
 * here every version records them the same way, so that the versions differ only in what the text
 * changes: how the poem reaches the code that wants it.
 *
 * {@snippet :
 * task.start();                 // connecting (the shared factory does this)
 * task.received(30);            // a chunk arrived (the shared protocol does this)
 * task.succeeded(poem);         // the client's own code decides the outcome: got_poem ...
 * task.failed(failure);         // ... or poem_failed
 * }
 *
 * <p>A task moves forward only: {@code WAITING → STARTED → FETCHED} or {@code FAILED}; a second
 * outcome throws. A download that fails is first <em>recorded</em> by the shared code
 * ({@link #downloadFailed}), with the one-line reason and the bytes that came, and only ends the
 * task when the client's code says so ({@link #failed()} or {@link #failed(Failure)}): a client may
 * still turn a failure into a poem (none of the text's do), and a poem into a failure (Part 10's
 * GibberishError).
 *
 * <p><b>Threading:</b> loop thread only (the thread configuring the reactor before it runs, the
 * reactor thread, or an inline-callbacks body holding the loop's baton); every method throws
 * {@link WrongThreadException} elsewhere, except {@link #number()}, {@link #address()} and
 * {@link #outcome()}, which the fetch reads after the reactor thread has ended (its join is the
 * happens-before edge).
 */
public final class PoemTask {

    /** Where a task is. */
    enum State {
        /** Nothing done yet. */
        WAITING,
        /** Connecting or reading. */
        STARTED,
        /** Ended with a poem. */
        FETCHED,
        /** Ended without one. */
        FAILED
    }

    /** Why a download failed, as the shared code saw it. */
    private record DownloadFailure(Throwable cause, String reason, byte[] partial) {
    }

    private final int number;
    private final Address address;
    private final ClientRun run;
    private final EventLoop loop;
    // All fields below: written and read on the loop thread (see Threading).
    private State state = State.WAITING;
    private long startNanos;
    private int received;
    /** Set by {@link #downloadFailed}; read when the client ends the task. */
    private DownloadFailure downloadFailure;
    /** Set once, when the task ends; also read by the fetch after the loop has ended. */
    private TaskOutcome outcome;

    PoemTask(int number, Address address, ClientRun run, EventLoop loop) {
        this.number = number;
        this.address = Objects.requireNonNull(address, "address");
        this.run = Objects.requireNonNull(run, "run");
        this.loop = Objects.requireNonNull(loop, "loop");
    }

    /** The 1-based task number: the address's position on the command line. */
    public int number() {
        return number;
    }

    /** The server this task fetches from. */
    public Address address() {
        return address;
    }

    /** How many bytes have arrived so far. */
    public int received() {
        checkInLoop();
        return received;
    }

    /**
     * The download begins (a connect is about to start): the listener hears {@code started}.
     *
     * @throws IllegalStateException if it has begun before
     */
    public void start() {
        checkInLoop();
        require(State.WAITING, "start");
        state = State.STARTED;
        startNanos = run.clock().nanoTime();
        run.listener().started(number, address);
    }

    /**
     * {@code bytes} more bytes arrived (one read, or all that one wake-up read): the listener hears
     * {@code received}.
     *
     * @throws IllegalArgumentException if {@code bytes} is not positive
     * @throws IllegalStateException unless the task has started and not ended
     */
    public void received(int bytes) {
        checkInLoop();
        if (bytes <= 0) {
            throw new IllegalArgumentException("a read brings at least one byte: " + bytes);
        }
        require(State.STARTED, "receive bytes");
        received += bytes;
        run.listener().received(number, bytes);
    }

    /**
     * Records why the download failed, without ending the task: the shared protocol and factory do
     * this before they deliver the failure to the client's code, which then ends the task.
     *
     * @param cause   what the reactor reported (the refusal, the reset)
     * @param reason  one line, built by {@link PoetryLines}: {@code failed to connect to ...}
     * @param partial the bytes that arrived before the failure
     * @throws IllegalStateException unless the task has started and not ended, or if a failure
     *     was recorded before
     */
    public void downloadFailed(Throwable cause, String reason, byte[] partial) {
        checkInLoop();
        require(State.STARTED, "record a failed download");
        if (downloadFailure != null) {
            throw new IllegalStateException("task " + number + " already recorded a failed download: "
                    + downloadFailure.reason());
        }
        downloadFailure = new DownloadFailure(Objects.requireNonNull(cause, "cause"),
                Objects.requireNonNull(reason, "reason"), partial.clone());
    }

    /**
     * The one-line reason {@link #downloadFailed recorded} for a failed download
     * ({@code lost connection to 127.0.0.1:10002 after 120 bytes: Connection reset}), if any.
     */
    public Optional<String> downloadFailureReason() {
        checkInLoop();
        return Optional.ofNullable(downloadFailure).map(DownloadFailure::reason);
    }

    /** Ends the task with {@code poem}: the listener hears {@code finished}. */
    public void succeeded(byte[] poem) {
        checkInLoop();
        end(new TaskOutcome.Fetched(number, address, poem.clone(), run.clock().since(startNanos)));
        run.listener().finished(number);
    }

    /** Ends the task with {@code poem}, as UTF-8 (the clients from 3.0 on pass poems as text). */
    public void succeeded(String poem) {
        succeeded(poem.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Ends the task with the download's own failure, as {@link #downloadFailed recorded}: for a
     * client told only that there is no poem (client 3.0's callback gets null).
     *
     * @throws IllegalStateException if no failed download was recorded
     */
    public void failed() {
        checkInLoop();
        if (downloadFailure == null) {
            throw new IllegalStateException("task " + number + " has no failed download to report");
        }
        failed(downloadFailure.reason(), downloadFailure.partial());
    }

    /**
     * Ends the task with {@code failure}, as an errback received it: the download's own failure if
     * that is what it carries, otherwise a failure after the poem arrived
     * ({@link PoetryLines#rejected}, such as Part 10's GibberishError).
     */
    public void failed(Failure failure) {
        checkInLoop();
        if (downloadFailure != null && downloadFailure.cause() == failure.value()) {
            failed();
        } else {
            failed(PoetryLines.rejected(address, failure.value()), new byte[0]);
        }
    }

    /**
     * Ends the task without a poem: the listener hears {@code failed}.
     *
     * @param reason  one line, built by {@link PoetryLines}
     * @param partial the bytes that arrived before the failure
     */
    public void failed(String reason, byte[] partial) {
        checkInLoop();
        end(new TaskOutcome.Failed(number, address, reason, partial.clone(), run.clock().since(startNanos)));
        run.listener().failed(number, reason);
    }

    /** Whether the task has ended, with a poem or without. */
    public boolean over() {
        checkInLoop();
        return outcome != null;
    }

    /**
     * How the task ended. Read by the fetch once the reactor thread has ended.
     *
     * @throws IllegalStateException if it has not ended
     */
    public TaskOutcome outcome() {
        if (outcome == null) {
            throw new IllegalStateException("task " + number + " (" + address + ") is still " + state);
        }
        return outcome;
    }

    private void end(TaskOutcome result) {
        require(State.STARTED, "end");
        state = result instanceof TaskOutcome.Fetched ? State.FETCHED : State.FAILED;
        outcome = result;
    }

    private void require(State expected, String action) {
        if (state != expected) {
            throw new IllegalStateException("cannot " + action + ": task " + number + " is " + state);
        }
    }

    private void checkInLoop() {
        if (!loop.inEventLoop()) {
            throw new WrongThreadException("task " + number + " belongs to the reactor's thread, not to "
                    + Thread.currentThread().getName());
        }
    }

    @Override
    public String toString() {
        return "PoemTask[" + number + ", " + address + "]";
    }
}
