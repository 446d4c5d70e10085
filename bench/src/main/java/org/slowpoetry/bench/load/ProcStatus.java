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

    /**
     * CPU time a process has used so far, all its threads together (live and ended), from
     * {@code /proc/PID/stat}, in milliseconds; with a clock tick of 10 ms, so meaningful over runs
     * that use a few hundred milliseconds or more.
     *
     * @param userMillis   in the process's own code (for a JVM: Java, the JIT, the GC)
     * @param systemMillis in the kernel on its behalf (for a network server: most of the TCP work)
     */
    record Cpu(double userMillis, double systemMillis) {
        static final Cpu UNKNOWN = new Cpu(Double.NaN, Double.NaN);

        Cpu minus(Cpu earlier) {
            return new Cpu(userMillis - earlier.userMillis, systemMillis - earlier.systemMillis);
        }

        double totalMillis() {
            return userMillis + systemMillis;
        }
    }

    /** The linux clock tick ({@code getconf CLK_TCK}): 100 on every Linux we run on. */
    private static final double TICK_MILLIS = 10;

    /** CPU used so far by process {@code pid}; {@link Cpu#UNKNOWN} where there is no {@code /proc}. */
    static Cpu cpu(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) is in parentheses and may hold spaces: count from the last ')'
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new Cpu(Long.parseLong(f[11]) * TICK_MILLIS, Long.parseLong(f[12]) * TICK_MILLIS);
        } catch (IOException | RuntimeException e) {
            return Cpu.UNKNOWN;
        }
    }

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
