package org.slowpoetry.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's resident memory and thread count, from {@code /proc/PID/status} (Linux): the same
 * numbers for a JVM and for Python, which is why the harness reads them from outside.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param rssBytes {@code VmRSS}
 * @param threads  {@code Threads}: OS threads, so a JVM's virtual threads do not count
 */
record ProcStatus(long rssBytes, int threads) {

    /** Reads it; {@code (-1, -1)} where there is no {@code /proc} (not Linux) or the process is gone. */
    static ProcStatus of(long pid) {
        long rss = -1;
        int threads = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                } else if (line.startsWith("Threads:")) {
                    threads = Integer.parseInt(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return new ProcStatus(-1, -1);
        }
        return new ProcStatus(rss, threads);
    }
}
