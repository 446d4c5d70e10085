package org.slowpoetry.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a benchmark result is only true for: the CPU, the cores, the memory, the kernel, the JDK,
 * the date, and how busy the machine was.
 *
 * <p><b>Threading:</b> stateless; reads {@code /proc} where there is one.
 */
final class Machine {
    private Machine() {
    }

    static Map<String, String> describe() {
        var m = new LinkedHashMap<String, String>();
        m.put("Date", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(java.time.ZoneOffset.UTC))
                .replaceAll("\\.\\d+", ""));
        m.put("CPU", cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        m.put("Memory", memTotal());
        m.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("JDK", "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")");
        m.put("Load average at start", loadAverage());
        return m;
    }

    /** The 1-, 5- and 15-minute load averages, or "unknown". */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return System.getProperty("os.arch");
        }
    }

    private static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> String.format("%.0f GiB", Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0))
                    .findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
