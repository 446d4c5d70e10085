package org.slowpoetry.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slowpoetry.cli.ExitCodes;
import org.slowpoetry.cli.UserException;
import org.slowpoetry.protocol.PoemFraming;
import org.slowpoetry.servers.Poem;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.servers.ServerConfig;
import org.slowpoetry.servers.ServerImpl;
import org.slowpoetry.servers.ServerImpls;
import org.slowpoetry.servers.ServerKind;
import org.slowpoetry.stats.RuntimeStats;
import org.slowpoetry.stats.StatsLine;
import org.slowpoetry.time.MonotonicClock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code slowpoetry bench server slow|fast --impl X POEM} (hidden): a server process for the load
 * harness. The same {@link ServerImpl} plugins and {@link ServerConfig} as {@code serve}, minus
 * the per-client output lines, plus a tiny control channel on standard input:
 * <ul>
 *   <li>{@code stats}: run a full GC and answer one JSON line: heap used after it, and the
 *       server's event counts;
 *   <li>{@code runtime}: answer one JSON line with the {@link RuntimeStats} (in-process JFR) since
 *       the last {@code runtime} line: pinned virtual threads, GC pauses (count, longest; not the
 *       full GCs {@code stats} asks for), the reactor loop's busiest iteration, peak virtual threads
 *       ({@code {}} with {@code --no-runtime-stats});
 *   <li>end of input: close the server and exit, so a harness that dies takes its servers with it.
 * </ul>
 *
 * <p><b>Threading:</b> picocli runs it on the main thread, which reads standard input until it
 * ends; the server runs on its own threads.
 */
@Command(name = "server", hidden = true, description = "A server process for bench load (internal).")
final class BenchServerCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "KIND", description = "slow or fast")
    String kind;

    @Parameters(index = "1", paramLabel = "POEM")
    Path poem;

    @Option(names = "--impl", required = true)
    String impl;

    @Option(names = "--selector", defaultValue = "epoll")
    String selector;

    /** The reactor's loops; the number of cores unless given, as {@code serve}'s {@code --loops}. */
    @Option(names = "--loops")
    int loops = Runtime.getRuntime().availableProcessors();

    /**
     * Not to run the {@link RuntimeStats} (in-process JFR streaming): for slow-hold, where the
     * stream's parser keeps a few MiB of event metadata that comes and goes with its chunks, which
     * would be counted against the connections when the heap is measured idle and then held
     * (seen: +0.9 KiB per connection at 1,000 for every Java row, Netty's too).
     */
    @Option(names = "--no-runtime-stats")
    boolean noRuntimeStats;

    @Option(names = "--num-bytes", defaultValue = "10")
    int numBytes;

    @Option(names = "--delay", defaultValue = "0.1")
    double delaySeconds;

    @Override
    public Integer call() throws IOException {
        ServerKind serverKind = switch (kind) {
            case "slow" -> ServerKind.SLOW;
            case "fast" -> ServerKind.FAST;
            default -> throw new UserException("bad kind '" + kind + "': expected slow or fast");
        };
        ServerImpl serverImpl = ServerImpls.find(impl, serverKind);
        var events = new CountingEvents();
        ServerConfig config;
        try {
            config = new ServerConfig(serverKind, Poem.load(poem), "127.0.0.1", 0, numBytes,
                    Duration.ofNanos(Math.round(delaySeconds * 1e9)), 0, ServerConfig.DEFAULT_WRITE_TIMEOUT, selector,
                    loops, MonotonicClock.system(), events,
                    PoemFraming.NONE);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), e);
        }
        // The runtime stats start before the server, so that they see every virtual thread it starts.
        try (RuntimeStats runtime = noRuntimeStats ? null : RuntimeStats.start(events::open);
                PoetryServer server = serverImpl.start(config)) {
            var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                switch (line.strip()) {
                    case "stats" -> answer(stats(events));
                    case "runtime" -> answer(runtime == null ? Map.of() : runtime(runtime.interval()));
                    default -> { } // an unknown line asks for nothing
                }
            }
        }
        return ExitCodes.OK;
    }

    private static void answer(Map<String, Object> m) {
        System.out.println(JsonLines.write(m));
        System.out.flush();
    }

    /** The runtime figures since the last {@code runtime} line (or the start), as bench metrics. */
    static Map<String, Object> runtime(StatsLine line) {
        var m = new LinkedHashMap<String, Object>();
        m.put("pinned", line.pinned());
        m.put("gcPauses", line.gcCount());
        m.put("gcLongestMs", line.gcLongestPause().toNanos() / 1e6);
        m.put("loopBusiestMs", line.loopBusiest().toNanos() / 1e6);
        m.put("peakVirtualThreads", line.peakVirtualThreads());
        return m;
    }

    private static Map<String, Object> stats(CountingEvents events) {
        System.gc();
        var m = events.counts();
        m.put("heapUsedBytes", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        return m;
    }
}
