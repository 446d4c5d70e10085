package org.slowpoetry.clients.demo;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.slowpoetry.clients.TaskListener;
import org.slowpoetry.fetch.FetchFailure;
import org.slowpoetry.protocol.Address;

/**
 * Measures what one client run costs in threads: the OS threads it adds, and which threads did
 * the work. The JVM counts live platform threads and keeps the peak of that count exactly;
 * virtual threads are not OS threads and it does not count them. So:
 * <ul>
 *   <li>the run's own OS threads are the peak during the run, less the threads alive when it
 *       began, less those it leaves behind;</li>
 *   <li>the threads it leaves behind (started during the run, alive after it) are the JDK's, not
 *       the style's, which ends its own: the carriers and the poller that the first virtual
 *       threads of the JVM make it start, and that it keeps for every later one;</li>
 *   <li>the workers are the threads that report task events, platform or virtual.</li>
 * </ul>
 *
 * {@snippet :
 * ThreadMeter meter = ThreadMeter.begin();
 * style.fetch(addresses, run.withListener(timeline.andThen(meter)));
 * ThreadUse used = meter.end();
 * }
 *
 * <p>The counts are the whole JVM's: a thread started meanwhile by something else counts too. In
 * the demo nothing else starts threads while a client runs (the servers start theirs before), and
 * runs do not overlap. Begin one meter at a time: beginning resets the JVM's peak.
 *
 * <p><b>Threading:</b> the listener methods are thread-safe (any thread a style works on);
 * {@link #begin} and {@link #end} are called by the thread that runs the fetch.
 */
final class ThreadMeter implements TaskListener {

    /** The meter's life. */
    private enum State {
        MEASURING,
        ENDED
    }

    private final ThreadMXBean threads;
    private final int liveAtBegin;
    private final Set<Long> idsAtBegin;
    /** The threads that reported events, by id: virtual or not. Written by reporting threads, read by {@link #end}. */
    private final Map<Long, Boolean> workers = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    /** Written by {@link #end}; guarded by {@code lock}. */
    private State state = State.MEASURING;

    private ThreadMeter(ThreadMXBean threads) {
        this.threads = threads;
        threads.resetPeakThreadCount();
        this.liveAtBegin = threads.getThreadCount();
        this.idsAtBegin = ids(threads);
    }

    /** A meter measuring from now: the JVM's peak thread count is reset to the live count. */
    static ThreadMeter begin() {
        return new ThreadMeter(ManagementFactory.getThreadMXBean());
    }

    @Override
    public void started(int task, Address address) {
        heard();
    }

    @Override
    public void received(int task, int bytes) {
        heard();
    }

    @Override
    public void finished(int task) {
        heard();
    }

    @Override
    public void failed(int task, FetchFailure failure) {
        heard();
    }

    private void heard() {
        Thread current = Thread.currentThread();
        workers.putIfAbsent(current.threadId(), current.isVirtual());
    }

    /**
     * Ends the measurement (call it when the fetch has returned, so every worker has reported).
     *
     * @throws IllegalStateException if it has ended before
     */
    ThreadUse end() {
        lock.lock();
        try {
            if (state != State.MEASURING) {
                throw new IllegalStateException("the meter has ended");
            }
            state = State.ENDED;
            int virtual = (int) workers.values().stream().filter(Boolean::booleanValue).count();
            int kept = keptSinceBegin();
            int own = Math.max(0, threads.getPeakThreadCount() - liveAtBegin - kept);
            return new ThreadUse(own, kept, workers.size() - virtual, virtual);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Platform threads started since {@link #begin} and still running. A thread that has just
     * ended can still be listed a moment after {@code join} returns; it is {@code TERMINATED}.
     */
    private int keptSinceBegin() {
        long[] started = Arrays.stream(threads.getAllThreadIds()).filter(id -> !idsAtBegin.contains(id)).toArray();
        return (int) Arrays.stream(threads.getThreadInfo(started))
                .filter(info -> info != null && info.getThreadState() != Thread.State.TERMINATED)
                .count();
    }

    private static Set<Long> ids(ThreadMXBean threads) {
        return Arrays.stream(threads.getAllThreadIds()).boxed().collect(Collectors.toUnmodifiableSet());
    }
}
