package org.slowpoetry.clients.demo;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slowpoetry.protocol.Address;

/**
 * What a {@link Timeline} saw during one fetch, as plain values: when each task started, each read
 * with its size, how each task ended. Times are measured from the start of the timeline. A
 * {@link TimelineRenderer} draws it; tests build one by hand.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param total  from the start of the timeline to its stop (or to the snapshot, if still running)
 * @param tracks one per task that started, in task order
 */
public record Recording(Duration total, List<Track> tracks) {

    /** @throws IllegalArgumentException if a track ends after the total */
    public Recording {
        Objects.requireNonNull(total, "total");
        tracks = List.copyOf(tracks);
        for (Track track : tracks) {
            if (track.end().compareTo(total) > 0) {
                throw new IllegalArgumentException("task " + track.task() + " ends after the recording's total");
            }
        }
    }

    /** Reads over all tasks. */
    public int reads() {
        return tracks.stream().mapToInt(t -> t.reads().size()).sum();
    }

    /** Bytes over all tasks. */
    public long bytes() {
        return tracks.stream().mapToLong(Track::bytes).sum();
    }

    /** How a task's track ends. */
    public enum Ending {
        /** Not over when the snapshot was taken: drawn up to the recording's total. */
        RUNNING,
        /** The server closed the connection: the poem arrived. */
        FINISHED,
        /** Could not connect, or the connection broke. */
        FAILED
    }

    /** One read: when, and how many bytes. */
    public record Read(Duration at, int bytes) {
        public Read {
            Objects.requireNonNull(at, "at");
            if (bytes < 1) {
                throw new IllegalArgumentException("a read has at least one byte: " + bytes);
            }
        }
    }

    /**
     * One task. Its reads are in time order, between its start and its end.
     *
     * @param task    1-based task number
     * @param address where it fetched from
     * @param start   when it began (connecting)
     * @param reads   its reads, in order
     * @param end     when it finished or failed; for a RUNNING track, the snapshot time
     * @param ending  how it ended
     * @param failure for FAILED, the one-line reason; otherwise empty
     */
    public record Track(
            int task, Address address, Duration start, List<Read> reads, Duration end, Ending ending, String failure) {
        public Track {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            Objects.requireNonNull(ending, "ending");
            Objects.requireNonNull(failure, "failure");
            reads = List.copyOf(reads);
            if (end.compareTo(start) < 0) {
                throw new IllegalArgumentException("task " + task + " ends before it starts");
            }
            Duration previous = start;
            for (Read read : reads) {
                if (read.at().compareTo(previous) < 0 || read.at().compareTo(end) > 0) {
                    throw new IllegalArgumentException("task " + task + ": reads out of order or outside its time");
                }
                previous = read.at();
            }
        }

        /** Bytes over all reads. */
        public long bytes() {
            return reads.stream().mapToLong(Read::bytes).sum();
        }
    }
}
