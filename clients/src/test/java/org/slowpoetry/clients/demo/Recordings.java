package org.slowpoetry.clients.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slowpoetry.protocol.Address;

/** Recordings made by hand, shaped like the demo's runs, for renderer tests. */
final class Recordings {
    private Recordings() {
    }

    /** Three tasks one after another, a read every {@code every}: {@code sends[i]} reads for task i + 1. */
    static Recording blocking(Duration every, int... sends) {
        List<Recording.Track> tracks = new ArrayList<>();
        Duration now = Duration.ZERO;
        for (int i = 0; i < sends.length; i++) {
            Duration start = now;
            List<Recording.Read> reads = new ArrayList<>();
            for (int r = 0; r < sends[i]; r++) {
                now = now.plus(every);
                reads.add(new Recording.Read(now, 10));
            }
            tracks.add(new Recording.Track(i + 1, Address.parse(String.valueOf(10000 + i)), start, reads, now,
                    Recording.Ending.FINISHED, ""));
        }
        return new Recording(now, tracks);
    }

    /** The same tasks all at once. */
    static Recording select(Duration every, int... sends) {
        List<Recording.Track> tracks = new ArrayList<>();
        Duration total = Duration.ZERO;
        for (int i = 0; i < sends.length; i++) {
            List<Recording.Read> reads = new ArrayList<>();
            for (int r = 1; r <= sends[i]; r++) {
                reads.add(new Recording.Read(every.multipliedBy(r), 10));
            }
            Duration end = every.multipliedBy(sends[i]);
            total = end.compareTo(total) > 0 ? end : total;
            tracks.add(new Recording.Track(i + 1, Address.parse(String.valueOf(10000 + i)), Duration.ZERO, reads, end,
                    Recording.Ending.FINISHED, ""));
        }
        return new Recording(total, tracks);
    }
}
