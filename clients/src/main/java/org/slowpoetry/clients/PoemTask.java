package org.slowpoetry.clients;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slowpoetry.fetch.FetchFailure;
import org.slowpoetry.fetch.PoemResult;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.time.MonotonicClock;

/**
 * One task of a fetch, the one state machine every client style drives: the blocking client on its
 * one thread, the select loop, a virtual thread per task, the Erlang client's main process, the
 * reactor's loop thread. A style reports what happens; the task times it, tells the
 * {@link TaskListener} (the demo draws its timelines from that) and makes the {@link TaskOutcome}.
 * What a style prints is not the task's business: that is the style's, through {@link PoetryLines}.
 *
 * {@snippet :
 * PoemTask task = tasks.get(0);
 * task.start();                                  // about to connect
 * task.received(30);                             // each read
 * TaskOutcome done = task.end(download.end());   // the poem, or why there is none
 * }
 *
 * <p>A task moves forward only, {@code WAITING → STARTED → FETCHED} or {@code FAILED}, and ends
 * once: an event out of order (bytes before the start, a second ending) throws
 * {@link IllegalStateException} at once.
 *
 * <p><b>Threading:</b> thread-safe: every method holds the task's lock, and the listener is called
 * under it, so a task's events reach the listener in order even when two threads race to end it (a
 * timeout and a last read); the loser gets the exception. Ending a task happens-before reading its
 * {@link #outcome()} on any thread.
 */
public final class PoemTask {

    /** Where a task is. */
    public enum State {
        /** Nothing done yet. */
        WAITING,
        /** Connecting or reading. */
        STARTED,
        /** Ended with a poem. */
        FETCHED,
        /** Ended without one. */
        FAILED
    }

    private final int number;
    private final Address address;
    private final MonotonicClock clock;
    private final TaskListener listener;
    // Written and read under this task's lock.
    private State state = State.WAITING;
    private long startNanos;
    private int received;
    private TaskOutcome outcome;

    /**
     * Task {@code number} (1-based) of a fetch, fetching from {@code address}.
     *
     * @throws IllegalArgumentException if {@code number} is not positive
     */
    public PoemTask(int number, Address address, MonotonicClock clock, TaskListener listener) {
        if (number < 1) {
            throw new IllegalArgumentException("tasks are numbered from 1: " + number);
        }
        this.number = number;
        this.address = Objects.requireNonNull(address, "address");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** One task per address, numbered from 1 in the order given, timed and heard by {@code run}'s. */
    public static List<PoemTask> forEach(List<Address> addresses, ClientRun run) {
        List<PoemTask> tasks = new ArrayList<>(addresses.size());
        for (Address address : addresses) {
            tasks.add(new PoemTask(tasks.size() + 1, address, run.clock(), run.listener()));
        }
        return List.copyOf(tasks);
    }

    /** The outcomes of {@code tasks}, in their order. */
    public static List<TaskOutcome> outcomes(List<PoemTask> tasks) {
        return tasks.stream().map(PoemTask::outcome).toList();
    }

    /** The 1-based task number: the address's position on the command line. */
    public int number() {
        return number;
    }

    /** The server this task fetches from. */
    public Address address() {
        return address;
    }

    /** Where the task is. */
    public synchronized State state() {
        return state;
    }

    /** Whether the task has ended, with a poem or without. */
    public synchronized boolean isOver() {
        return outcome != null;
    }

    /** How many bytes have arrived so far. */
    public synchronized int received() {
        return received;
    }

    /**
     * The download begins: the clock starts and the listener hears {@code started}.
     *
     * @throws IllegalStateException if it has begun before
     */
    public synchronized void start() {
        require(State.WAITING, "start");
        state = State.STARTED;
        startNanos = clock.nanoTime();
        listener.started(number, address);
    }

    /**
     * {@code bytes} more bytes arrived (one read, or all one wake-up read): the listener hears
     * {@code received}.
     *
     * @throws IllegalArgumentException if {@code bytes} is not positive
     * @throws IllegalStateException unless the task has started and not ended
     */
    public synchronized void received(int bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("a read brings at least one byte: " + bytes);
        }
        require(State.STARTED, "receive bytes");
        received += bytes;
        listener.received(number, bytes);
    }

    /**
     * Ends the task as the download ended: with its poem, or its failure.
     *
     * @return the outcome
     * @throws IllegalStateException unless the task has started and not ended
     */
    public synchronized TaskOutcome end(PoemResult result) {
        return switch (result) {
            case PoemResult.Poem(byte[] poem) -> fetched(poem);
            case PoemResult.Failed(FetchFailure why, byte[] partial) -> failed(why, partial);
        };
    }

    /**
     * Ends the task with {@code poem}: the listener hears {@code finished}. An empty poem is no
     * poem: the task fails with {@link FetchFailure.NoPoem} instead.
     *
     * @return the outcome
     * @throws IllegalStateException unless the task has started and not ended
     */
    public synchronized TaskOutcome fetched(byte[] poem) {
        if (poem.length == 0) {
            return failed(new FetchFailure.NoPoem(address), poem);
        }
        require(State.STARTED, "end");
        state = State.FETCHED;
        outcome = new TaskOutcome.Fetched(number, address, poem.clone(), clock.since(startNanos));
        listener.finished(number);
        return outcome;
    }

    /**
     * Ends the task without a poem: the listener hears {@code failed}.
     *
     * @param failure why
     * @param partial the bytes that arrived before the failure
     * @return the outcome
     * @throws IllegalStateException unless the task has started and not ended
     */
    public synchronized TaskOutcome failed(FetchFailure failure, byte[] partial) {
        Objects.requireNonNull(failure, "failure");
        require(State.STARTED, "end");
        state = State.FAILED;
        outcome = new TaskOutcome.Failed(number, address, failure, partial.clone(), clock.since(startNanos));
        listener.failed(number, failure);
        return outcome;
    }

    /**
     * How the task ended.
     *
     * @throws IllegalStateException if it has not ended
     */
    public synchronized TaskOutcome outcome() {
        if (outcome == null) {
            throw new IllegalStateException("task " + number + " (" + address + ") is still " + state);
        }
        return outcome;
    }

    private void require(State expected, String action) {
        if (state != expected) {
            throw new IllegalStateException("cannot " + action + ": task " + number + " is " + state);
        }
    }

    @Override
    public String toString() {
        return "PoemTask[" + number + ", " + address + "]";
    }
}
