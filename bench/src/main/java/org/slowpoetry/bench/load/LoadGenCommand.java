package org.slowpoetry.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slowpoetry.cli.ExitCodes;
import org.slowpoetry.cli.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code slowpoetry bench loadgen fetch|hold ...} (hidden): the load generator process the harness
 * drives each server with, so the clients never share a JVM (or a GC) with the server they measure.
 * Prints its results as one JSON line.
 * <ul>
 *   <li>{@code fetch --port P --clients N --poem FILE}: N clients at once each fetch the poem,
 *       checked byte for byte against FILE;
 *   <li>{@code hold --port P --clients C}: C connections held open; prints one JSON line once all
 *       are served (or the timeout passed), waits for a line or the end of standard input, closes
 *       them all and exits;
 *
 *   <li>{@code session}: one of the above per line of standard input, one JSON line out for each,
 *       until the input ends: {@code fetch PORT CLIENTS TIMEOUT POEM}, or
 *       {@code hold PORT CLIENTS CONNECTING TIMEOUT} answered once held, then {@code release}
 *       answered once released. The harness keeps one session for a whole run, so that a JVM
 *       start and a cold JIT are not part of every measurement; it collects garbage before each.
 * </ul>
 *
 * <p><b>Threading:</b> picocli runs it on the main thread; the clients are virtual threads that
 * {@link LoadGenerator} owns and joins before this returns.
 */
@Command(name = "loadgen", hidden = true, description = "The load generator process of bench load (internal).")
final class LoadGenCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODE", description = "fetch, hold or session")
    String mode;

    @Option(names = "--host", defaultValue = "127.0.0.1")
    String host;

    @Option(names = "--port", description = "fetch, hold: the server's port")
    int port;

    @Option(names = "--clients", defaultValue = "1", description = "fetch, hold: how many")
    int clients;

    @Option(names = "--poem", description = "fetch: the poem the server sends, to check against")
    Path poem;

    @Option(names = "--timeout", defaultValue = "60", description = "seconds")
    double timeoutSeconds;

    @Option(names = "--connecting", defaultValue = "256", description = "hold: handshakes in flight at most")
    int connecting;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (clients < 1) {
            throw new UserException("--clients must be at least 1: " + clients);
        }
        var target = new InetSocketAddress(host, port);
        long timeoutMillis = Math.round(timeoutSeconds * 1000);
        switch (mode) {
            case "fetch" -> {
                if (poem == null) {
                    throw new UserException("fetch needs --poem FILE");
                }
                var report = LoadGenerator.fetch(target, clients, Files.readAllBytes(poem), timeoutMillis);
                System.out.println(JsonLines.write(report.toMap()));
            }
            case "hold" -> {
                try (var hold = LoadGenerator.hold(target, clients, connecting, timeoutMillis)) {
                    System.out.println(JsonLines.write(hold.toMap()));
                    System.out.flush();
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                }
            }
            case "session" -> session();
            default -> throw new UserException("bad mode '" + mode + "': expected fetch, hold or session");
        }
        System.out.flush();
        return ExitCodes.OK;
    }

    /** Serves requests from standard input until it ends. */
    private void session() throws IOException, InterruptedException {
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            String[] w = line.strip().split(" ", 5);
            try {
                switch (w[0]) {
                    case "fetch" -> {
                        System.gc(); // the last run's garbage is not this run's cost
                        var report = LoadGenerator.fetch(new InetSocketAddress(host, Integer.parseInt(w[1])),
                                Integer.parseInt(w[2]), Files.readAllBytes(Path.of(w[4])),
                                Math.round(Double.parseDouble(w[3]) * 1000));
                        reply(report.toMap());
                    }
                    case "hold" -> {
                        System.gc();
                        try (var hold = LoadGenerator.hold(new InetSocketAddress(host, Integer.parseInt(w[1])),
                                Integer.parseInt(w[2]), Integer.parseInt(w[3]), Math.round(Double.parseDouble(w[4]) * 1000))) {
                            reply(hold.toMap());
                            in.readLine(); // "release", or the end of input
                        }
                        reply(java.util.Map.of("phase", "released"));
                    }
                    default -> reply(java.util.Map.of("error", "unknown request: " + line));
                }
            } catch (RuntimeException | IOException e) {
                reply(java.util.Map.of("error", line + ": " + e));
            }
        }
    }

    private static void reply(java.util.Map<String, Object> result) {
        System.out.println(JsonLines.write(result));
        System.out.flush();
    }
}
