package org.slowpoetry.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The real path, once: {@code bench load} at a tiny size with the Netty row, each server in its own
 * process, each measurement by a load-generator process, results written. Checks that every
 * scenario produced complete, consistent numbers and every output file, written under the
 * checkout's {@code target/} when no {@code --out} is given; asserts no timing.
 */
class LoadCommandProcessTest {

    @Test
    @Timeout(120)
    @SuppressWarnings("unchecked")
    void everyScenarioRunsThroughRealProcessesAndWritesItsResultsUnderTargetUnlessTold(@TempDir Path home)
            throws Exception {
        Path committed = Files.createDirectories(home.resolve("bench/results"));
        Files.copy(LoadCommand.home().resolve("poems/lamplighter.txt"),
                Files.createDirectories(home.resolve("poems")).resolve("lamplighter.txt"));
        var command = new LoadCommand();
        command.planOverride = Plan.tiny();
        command.homeOverride = home;
        int code = new CommandLine(command).execute("--impls", "netty");
        assertEquals(0, code);
        try (var left = Files.list(committed)) {
            assertEquals(List.of(), left.toList(), "a run without --out writes nothing to bench/results");
        }
        Path out = home.resolve(LoadCommand.DEFAULT_OUT);

        var json = JsonLines.readObject(Files.readString(out.resolve("load.json")));
        var measurements = (List<Map<String, Object>>) json.get("measurements");
        Set<String> scenarios = measurements.stream().map(m -> (String) m.get("scenario")).collect(Collectors.toSet());
        assertEquals(Set.of("fast", "fast-large", "slow-hold", "slow-throughput"), scenarios);
        for (var m : measurements) {
            assertEquals(Boolean.TRUE, m.get("complete"), m::toString);
            var metrics = (Map<String, Object>) m.get("metrics");
            double size = ((Number) m.get("size")).doubleValue();
            for (String runtime : List.of("pinned", "gcPauses", "gcLongestMs", "loopBusiestMs", "peakVirtualThreads")) {
                if (m.get("scenario").equals("slow-hold")) {
                    // measured without the JFR sampler, whose own heap would count against the connections
                    assertFalse(metrics.containsKey(runtime), runtime + " in " + m);
                } else {
                    assertTrue(metrics.get(runtime) instanceof Double d && d >= 0, runtime + " in " + m);
                }
            }
            if (m.get("scenario").equals("slow-hold")) {
                assertEquals(size, metrics.get("served"), m::toString);
                assertEquals(size, metrics.get("serverConnected"), "the server saw every connection");
                assertTrue((Double) metrics.get("heapAfterMiB") > 0, m::toString);
            } else {
                assertEquals(size, metrics.get("ok"), m::toString);
                assertEquals(0.0, metrics.get("failed"));
                assertEquals(0.0, metrics.get("wrong"));
                assertTrue((Double) metrics.get("ttfbP50Millis") <= (Double) metrics.get("ttlbMaxMillis"), m::toString);
            }
        }
        String md = Files.readString(out.resolve("load.md"));
        assertTrue(md.contains("### slow-hold"), md);
        assertTrue(md.contains("| netty | 5 |"), md);
        assertTrue(md.contains("busiest loop ms"), md);
        assertEquals(measurements.size() + 1, Files.readAllLines(out.resolve("load.csv")).size());
        for (String png : List.of("load-fast.png", "load-fast-large.png", "load-slow-hold.png",
                "load-slow-throughput.png")) {
            assertTrue(Files.size(out.resolve(png)) > 1000, png);
        }
    }
}
