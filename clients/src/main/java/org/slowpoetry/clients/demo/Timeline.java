package org.slowpoetry.clients.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.clients.TaskListener;
import org.slowpoetry.fetch.FetchFailure;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.time.MonotonicClock;

/**
 * Records the events of one fetch against a clock, to be drawn by a {@link TimelineRenderer}: pass
 * it (as the {@link TaskListener}) to any client style, {@link #stop()} it when the fetch returns,
 * and take its {@link #recording()}.
 *
 * {@snippet :
 * Timeline timeline = Timeline.start(clock);
 * style.fetch(addresses, run.withListener(timeline));
 * timeline.stop();
 * List<String> rows = renderer.render("blocking", timeline.recording(), span);
 * }
 *
 * <p>Time starts when the timeline is created. Misuse throws at once: an event for a task that has
 * not started, or that is already over, or any event after {@link #stop()}.
 *
 * <p><b>Threading:</b> thread-safe: styles report from the calling thread, a thread per task or an
 * event loop. Every method holds {@code lock}, so an event recorded before {@link #recording()} is
 * called happens-before that call and appears in its result.
 */
public final class Timeline implements TaskListener {

    /** The timeline's life. */
    enum State {
        RECORDING,
        STOPPED
    }

    private final MonotonicClock clock;
    private final long origin;
    private final ReentrantLock lock = new ReentrantLock();
    /** Tracks by task number. Written by the listener methods, read by {@link #recording()}; guarded by {@code lock}. */
    private final TreeMap<Integer, TrackBuilder> tracks = new TreeMap<>();
    /** Written by {@link #stop()}; guarded by {@code lock}. */
    private State state = State.RECORDING;
    /** Nanos since origin at {@link #stop()}; guarded by {@code lock}. */
    private long stoppedAt;

    private Timeline(MonotonicClock clock) {
        this.clock = clock;
        this.origin = clock.nanoTime();
    }

    /** A timeline whose time zero is now on {@code clock}. */
    public static Timeline start(MonotonicClock clock) {
        return new Timeline(Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public void started(int task, Address address) {
        lock.lock();
        try {
            checkRecording();
            if (tracks.containsKey(task)) {
                throw new IllegalStateException("task " + task + " started twice");
            }
            tracks.put(task, new TrackBuilder(task, address, now()));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void received(int task, int bytes) {
        lock.lock();
        try {
            running(task).reads.add(new Recording.Read(now(), bytes));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void finished(int task) {
        lock.lock();
        try {
            running(task).end(now(), Recording.Ending.FINISHED, "");
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void failed(int task, FetchFailure failure) {
        String reason = PoetryLines.reason(failure);
        lock.lock();
        try {
            running(task).end(now(), Recording.Ending.FAILED, reason);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops the clock: the recording's total is the time from creation to now.
     *
     * @throws IllegalStateException if already stopped
     */
    public void stop() {
        lock.lock();
        try {
            checkRecording();
            stoppedAt = clock.nanoTime() - origin;
            state = State.STOPPED;
        } finally {
            lock.unlock();
        }
    }

    /**
     * What has been recorded so far. While still recording, the total is the time until now and
     * unfinished tasks are {@link Recording.Ending#RUNNING RUNNING} up to now.
     */
    public Recording recording() {
        lock.lock();
        try {
            Duration total = Duration.ofNanos(state == State.STOPPED ? stoppedAt : clock.nanoTime() - origin);
            List<Recording.Track> built = new ArrayList<>(tracks.size());
            for (TrackBuilder b : tracks.values()) {
                built.add(b.build(total));
            }
            return new Recording(total, built);
        } finally {
            lock.unlock();
        }
    }

    private Duration now() {
        assert lock.isHeldByCurrentThread();
        return Duration.ofNanos(clock.nanoTime() - origin);
    }

    private void checkRecording() {
        if (state != State.RECORDING) {
            throw new IllegalStateException("the timeline has been stopped");
        }
    }

    /** The track of a task that has started and is not over yet. */
    private TrackBuilder running(int task) {
        checkRecording();
        TrackBuilder track = tracks.get(task);
        if (track == null) {
            throw new IllegalStateException("task " + task + " has not started");
        }
        if (track.ending != Recording.Ending.RUNNING) {
            throw new IllegalStateException("task " + task + " is already " + track.ending);
        }
        return track;
    }

    /** A track being recorded; all fields guarded by the timeline's {@code lock}. */
    private static final class TrackBuilder {
        final int task;
        final Address address;
        final Duration start;
        final List<Recording.Read> reads = new ArrayList<>();
        Recording.Ending ending = Recording.Ending.RUNNING;
        Duration end;
        String failure = "";

        TrackBuilder(int task, Address address, Duration start) {
            this.task = task;
            this.address = Objects.requireNonNull(address, "address");
            this.start = start;
        }

        void end(Duration at, Recording.Ending how, String reason) {
            this.end = at;
            this.ending = how;
            this.failure = Objects.requireNonNull(reason, "reason");
        }

        Recording.Track build(Duration now) {
            Duration until = ending == Recording.Ending.RUNNING ? now : end;
            return new Recording.Track(task, address, start, reads, until, ending, failure);
        }
    }
}
