package org.slowpoetry.stats;

import java.time.Duration;
import java.util.Locale;

/**
 * One line of runtime statistics, as {@code serve --stats} prints it:
 *
 * <pre>stats: connections=120 vthreads=123 vthreads-peak=130 carriers-busy=1/2 queued=0 pinned=0 gc=2 gc-longest-ms=3.1 loop-busiest-ms=0.0</pre>
 *
 * <p>Gauges ({@code connections}, {@code vthreads}, {@code carriers-busy}, {@code queued}) are
 * values at the moment of the line; counts and maxima ({@code vthreads-peak}, {@code pinned},
 * {@code gc}, {@code gc-longest-ms}, {@code loop-busiest-ms}) cover the line's interval (or, for
 * {@link RuntimeStats#sinceStart()}, everything since the stats started). See {@link RuntimeStats} for where each comes from.
 *
 * <p><b>Threading:</b> an immutable value.
 *
 * @param connectionsOpen connections being served
 * @param virtualThreads  virtual threads alive (started and not ended since the stats started)
 * @param peakVirtualThreads the most virtual threads alive at once
 * @param carriersBusy    carrier threads running a virtual thread
 * @param carriers        the virtual-thread scheduler's parallelism
 * @param queued          virtual threads ready to run, waiting for a carrier
 * @param pinned          {@code jdk.VirtualThreadPinned} events: parks that held their carrier
 * @param gcCount         garbage collections (not counting {@code System.gc()} calls)
 * @param gcLongestPause  the longest pause of those collections
 * @param loopBusiest     the longest reactor loop iteration over {@link RuntimeStats#LOOP_THRESHOLD}
 *                        (zero: none was that long)
 */
public record StatsLine(long connectionsOpen, long virtualThreads, long peakVirtualThreads, int carriersBusy,
        int carriers, long queued, long pinned, long gcCount, Duration gcLongestPause, Duration loopBusiest) {

    /** The line, without a line end. */
    public String format() {
        return "stats: connections=" + connectionsOpen + " vthreads=" + virtualThreads
                + " vthreads-peak=" + peakVirtualThreads
                + " carriers-busy=" + carriersBusy + "/" + carriers + " queued=" + queued
                + " pinned=" + pinned + " gc=" + gcCount + " gc-longest-ms=" + millis(gcLongestPause)
                + " loop-busiest-ms=" + millis(loopBusiest);
    }

    /** Milliseconds with one decimal. */
    static String millis(Duration d) {
        return String.format(Locale.ROOT, "%.1f", d.toNanos() / 1e6);
    }
}
