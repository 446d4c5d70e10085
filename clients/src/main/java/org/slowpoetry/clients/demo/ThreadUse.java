package org.slowpoetry.clients.demo;

/**
 * What one client run cost in threads, as {@link ThreadMeter} measured it.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param ownOsThreads    the OS threads the run added and ended: the most platform threads alive
 *                        at once during it, less those alive before it and {@code keptOsThreads}
 * @param keptOsThreads   platform threads started during the run and still alive after it: not
 *                        the style's (every style ends its own), but the JDK's: the carriers and
 *                        the I/O poller that the JVM's first virtual threads make it start, kept
 *                        for the later ones
 * @param platformWorkers how many platform threads reported task events (did the fetching)
 * @param virtualWorkers  how many virtual threads reported task events
 */
record ThreadUse(int ownOsThreads, int keptOsThreads, int platformWorkers, int virtualWorkers) {
    ThreadUse {
        if (ownOsThreads < 0 || keptOsThreads < 0 || platformWorkers < 0 || virtualWorkers < 0) {
            throw new IllegalArgumentException("negative thread count: " + this);
        }
    }

    /** {@code 3 platform threads}, {@code 1 platform thread}, {@code 3 virtual threads}, or both kinds. */
    String workers() {
        if (platformWorkers > 0 && virtualWorkers > 0) {
            return count(platformWorkers, "platform") + " and " + count(virtualWorkers, "virtual");
        }
        return virtualWorkers > 0 ? count(virtualWorkers, "virtual") : count(platformWorkers, "platform");
    }

    private static String count(int n, String kind) {
        return n + " " + kind + (n == 1 ? " thread" : " threads");
    }
}
