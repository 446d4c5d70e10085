package org.slowpoetry.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.slowpoetry.cli.Main;

/** The benchmarks compile into JMH's list, and one short in-process run of each produces a score. */
@Timeout(120)
class JmhSmokeTest {

    @Test
    void everyBenchmarkClassIsInJmhsList() throws Exception {
        var list = new String(JmhSmokeTest.class.getResourceAsStream("/META-INF/BenchmarkList").readAllBytes());
        for (String name : java.util.List.of("NetstringDecodeBench", "CallbackChainBench", "HandoffBench", "SpawnBench")) {
            assertTrue(list.contains(name), name);
        }
    }

    @Test
    void oneIterationOfEachBenchmarkRunsInProcess(@TempDir Path dir) throws Exception {
        var options = new OptionsBuilder()
                .include("org\\.slowpoetry\\.bench\\.jmh\\..*")
                .param("payloadBytes", "1024")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .shouldFailOnError(true)
                .output(dir.resolve("jmh.log").toString())
                .build();
        var results = new Runner(options).run();
        assertFalse(results.isEmpty());
        results.forEach(r -> assertTrue(r.getPrimaryResult().getScore() > 0, r.getParams().getBenchmark()));
    }

    @Test
    void theCommandPassesItsArgumentsToJmhInOrder(@TempDir Path dir) {
        Path json = dir.resolve("out.json");
        int code = Main.execute("bench", "jmh", "-f", "0", "-wi", "0", "-i", "1", "-r", "100ms", "-p",
                "payloadBytes=1024", "-rf", "json", "-rff", json.toString(), "NetstringDecodeBench.whole");
        assertEquals(0, code);
        assertTrue(Files.exists(json));
    }

    @Test
    void withoutAResultsFileTheRunWritesUnderTargetAndLeavesTheCommittedResultsAlone() throws Exception {
        Path committed = JmhCommand.checkout().resolve("bench/results/jmh.json");
        byte[] before = Files.exists(committed) ? Files.readAllBytes(committed) : null;
        Path results = JmhCommand.checkout().resolve(JmhCommand.DEFAULT_RESULTS);
        Files.deleteIfExists(results);
        int code = Main.execute("bench", "jmh", "-f", "0", "-wi", "0", "-i", "1", "-r", "100ms", "-p",
                "payloadBytes=1024", "NetstringDecodeBench.whole");
        assertEquals(0, code);
        assertTrue(Files.size(results) > 0, results::toString);
        assertArrayEquals(before, Files.exists(committed) ? Files.readAllBytes(committed) : null);
    }
}
