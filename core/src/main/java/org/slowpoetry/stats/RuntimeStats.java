package org.slowpoetry.stats;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;
import jdk.management.VirtualThreadSchedulerMXBean;
import org.slowpoetry.reactor.LoopIterationEvent;

/**
 * Statistics of the running JVM and one server in it, from in-process JFR event streaming
 * ({@link RecordingStream}) and the virtual-thread scheduler's MXBean, as {@link StatsLine}s: one per
 * interval ({@link #interval()}) or one for everything since the start ({@link #sinceStart()}).
 *
 * <ul>
 *   <li>{@code connections}: the caller's count ({@code connectionsOpen}).
 *   <li>{@code vthreads}: {@code jdk.VirtualThreadStart} minus {@code jdk.VirtualThreadEnd} events
 *       since the start; virtual threads started before it are not seen, so start the stats first.
 *       {@code vthreads-peak}: the most at once in the span.
 *   <li>{@code carriers-busy}, {@code queued}: {@link VirtualThreadSchedulerMXBean}, exact at the
 *       moment of the line.
 *   <li>{@code pinned}: every {@code jdk.VirtualThreadPinned} event (threshold 0, not JFR's 20 ms).
 *   <li>{@code gc}, {@code gc-longest-ms}: {@code jdk.GarbageCollection}, without the collections
 *       a program asks for ({@code System.gc()}: the bench's heap measurements).
 *   <li>{@code loop-busiest-ms}: {@link LoopIterationEvent}s, which are only committed for
 *       iterations longer than {@link #LOOP_THRESHOLD}, so a quick loop costs the stream nothing.
 * </ul>
 *
 * <p>JFR hands events to the stream in batches, about once a second: a line covers the events
 * delivered by then.
 *
 * <p><b>Threading:</b> the stream's events arrive on the stream's own thread; {@link #interval()},
 * {@link #sinceStart()} and {@link #close()} may be called from any thread (the counts are guarded
 * by this object's lock). {@link #close()} ends the stream and its thread.
 */
public final class RuntimeStats implements AutoCloseable {

    /** Loop iterations shorter than this are not recorded. */
    public static final Duration LOOP_THRESHOLD = Duration.ofMillis(1);

    private static final String SYSTEM_GC = "System.gc()";

    private final RecordingStream stream;
    private final LongSupplier connectionsOpen;
    private final VirtualThreadSchedulerMXBean scheduler;

    // Guarded by this: written by the stream's thread (events) and by interval() (resets), read by
    // interval() and sinceStart() on the caller's thread.
    private long virtualThreads;
    private final Counts current = new Counts();
    private final Counts total = new Counts();

    private RuntimeStats(LongSupplier connectionsOpen) {
        this.connectionsOpen = Objects.requireNonNull(connectionsOpen, "connectionsOpen");
        this.scheduler = ManagementFactory.getPlatformMXBean(VirtualThreadSchedulerMXBean.class);
        this.stream = new RecordingStream();
        stream.enable("jdk.VirtualThreadStart").withoutStackTrace();
        stream.enable("jdk.VirtualThreadEnd").withoutStackTrace();
        stream.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withoutStackTrace();
        stream.enable("jdk.GarbageCollection");
        stream.enable(LoopIterationEvent.NAME).withThreshold(LOOP_THRESHOLD).withoutStackTrace();
        stream.onEvent("jdk.VirtualThreadStart", e -> virtualThreadStarted());
        stream.onEvent("jdk.VirtualThreadEnd", e -> virtualThreadEnded());
        stream.onEvent("jdk.VirtualThreadPinned", e -> pinned());
        stream.onEvent("jdk.GarbageCollection", this::collected);
        stream.onEvent(LoopIterationEvent.NAME, e -> loopIteration(e.getDuration()));
    }

    /**
     * Starts the stats: a JFR recording streamed on a thread of its own, until {@link #close()}.
     *
     * @param connectionsOpen the server's count of open connections, read for each line
     */
    public static RuntimeStats start(LongSupplier connectionsOpen) {
        var stats = new RuntimeStats(connectionsOpen);
        stats.stream.startAsync();
        return stats;
    }

    /** The line for the interval since the last call (or the start), and a new interval begins. */
    public synchronized StatsLine interval() {
        StatsLine line = line(current);
        current.reset(virtualThreads);
        return line;
    }

    /** The line for everything since the start. */
    public synchronized StatsLine sinceStart() {
        return line(total);
    }

    private StatsLine line(Counts counts) {
        return new StatsLine(connectionsOpen.getAsLong(), virtualThreads, counts.peakVirtualThreads,
                scheduler.getMountedVirtualThreadCount(),
                scheduler.getParallelism(), scheduler.getQueuedVirtualThreadCount(), counts.pinned, counts.gcCount,
                counts.gcLongestPause, counts.loopBusiest);
    }

    private synchronized void virtualThreadStarted() {
        virtualThreads++;
        current.peakVirtualThreads = Math.max(current.peakVirtualThreads, virtualThreads);
        total.peakVirtualThreads = Math.max(total.peakVirtualThreads, virtualThreads);
    }

    private synchronized void virtualThreadEnded() {
        virtualThreads--;
    }

    private synchronized void pinned() {
        current.pinned++;
        total.pinned++;
    }

    private synchronized void collected(RecordedEvent gc) {
        if (SYSTEM_GC.equals(gc.getString("cause"))) {
            return;
        }
        Duration pause = gc.getDuration("longestPause");
        current.collected(pause);
        total.collected(pause);
    }

    private synchronized void loopIteration(Duration took) {
        current.loopBusiest = max(current.loopBusiest, took);
        total.loopBusiest = max(total.loopBusiest, took);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Ends the recording and its thread. Idempotent. */
    @Override
    public void close() {
        stream.close();
    }

    /** Counts and maxima over some span. Guarded by the enclosing {@link RuntimeStats}. */
    private static final class Counts {
        long peakVirtualThreads;
        long pinned;
        long gcCount;
        Duration gcLongestPause = Duration.ZERO;
        Duration loopBusiest = Duration.ZERO;

        void collected(Duration pause) {
            gcCount++;
            gcLongestPause = max(gcLongestPause, pause);
        }

        /** A new span, starting with {@code alive} virtual threads. */
        void reset(long alive) {
            peakVirtualThreads = alive;
            pinned = 0;
            gcCount = 0;
            gcLongestPause = Duration.ZERO;
            loopBusiest = Duration.ZERO;
        }
    }
}
