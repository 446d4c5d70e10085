package org.slowpoetry.servers;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.slowpoetry.servers.faults.ChildServer;

/**
 * {@code slowpoetry serve} as a real process: it serves until Ctrl-C, then stops cleanly (no stack
 * trace, nothing on stderr, the usual exit status for a signal).
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServeProcessTest {
    private static final Pattern SERVING = Pattern.compile("Serving (.+) on port (\\d+)\\.");
    /** Every line a slow server prints. */
    private static final Pattern SERVER_LINE = Pattern.compile(
            "Serving .+ on port \\d+\\.|Somebody at [0-9.]+:\\d+ wants poetry!|Sending \\d+ bytes"
                    + "|Lost [0-9.]+:\\d+ before the poem was done: .*");

    /** A stats line, every field (RuntimeStatsTest has the format's own test). */
    private static final Pattern STATS_LINE = Pattern.compile("stats: connections=\\d+ vthreads=-?\\d+ vthreads-peak=-?\\d+"
            + " carriers-busy=\\d+/\\d+ queued=\\d+ pinned=\\d+ gc=\\d+ gc-longest-ms=\\d+\\.\\d"
            + " loop-busiest-ms=\\d+\\.\\d");

    @TempDir
    Path dir;

    @Test
    void ctrlCStopsTheServerMidPoemWithoutAStackTrace() throws Exception {
        String text = "A poem long enough to be cut short by a Ctrl-C.\n".repeat(20);
        Path poem = Files.writeString(dir.resolve("poem.txt"), text);
        Process server = new ProcessBuilder(ChildServer.javaCommand(List.of("serve", "slow", "--port", "0", "--num-bytes", "10",
                "--delay", "0.05", poem.toString()))).start();
        try {
            BufferedReader out = server.inputReader(StandardCharsets.UTF_8);
            String first = out.readLine();
            Matcher serving = SERVING.matcher(String.valueOf(first));
            assertTrue(serving.matches(), "first line: " + first + errorsOf(server));
            assertEquals(poem.toString(), serving.group(1));
            int port = Integer.parseInt(serving.group(2));

            try (Socket client = Clients.connect(new InetSocketAddress("127.0.0.1", port))) {
                InputStream in = client.getInputStream();
                byte[] start = Clients.readExactly(in, 20); // the poem crawls in: two sends of 10
                assertArrayEquals(text.substring(0, 20).getBytes(StandardCharsets.UTF_8), start);

                String signal = ChildServer.interruptIgnored() ? "TERM" : "INT";
                signal(server, signal);
                assertTrue(server.waitFor(20, TimeUnit.SECONDS), "still running after SIG" + signal);
                // The server closed our connection on its way out.
                ServerImplContract.assertEndOfStreamOrReset(drain(in));
            }

            Set<Integer> stoppedBySignal = Set.of(0, 128 + 2, 128 + 15); // clean, SIGINT, SIGTERM
            assertTrue(stoppedBySignal.contains(server.exitValue()), "exit status " + server.exitValue());
            assertEquals("", new String(server.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            List<String> rest = out.lines().toList();
            for (String line : rest) {
                assertTrue(SERVER_LINE.matcher(line).matches(), "unexpected output line: " + line);
            }
            assertTrue(rest.getFirst().startsWith("Somebody at 127.0.0.1:"), rest::toString);
            assertTrue(rest.contains("Sending 10 bytes"), rest::toString);
        } finally {
            server.destroyForcibly();
            server.waitFor();
            server.getInputStream().close();
            server.getErrorStream().close();
            server.getOutputStream().close();
        }
    }

    @Test
    void everyLineOfAServedPoemIsOutInOrderBeforeTheProcessEnds() throws Exception {
        String text = "Twenty bytes a line\n".repeat(3);
        try (var server = Serve.start(dir, text, "--impl", "reactor", "--num-bytes", "20", "--delay", "0.01")) {
            assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), Clients.fetch(server.address()));
            List<String> rest = server.stopAndReadTheRest();
            assertEquals(4, rest.size(), rest::toString);
            assertTrue(rest.getFirst().matches("Somebody at 127\\.0\\.0\\.1:\\d+ wants poetry!"), rest::toString);
            assertEquals(List.of("Sending 20 bytes", "Sending 20 bytes", "Sending 20 bytes"), rest.subList(1, 4));
            assertEquals(List.of(), server.errLines());
        }
    }

    @Test
    void quietPrintsOnlyTheStartLine() throws Exception {
        String text = "A poem served quietly.\n".repeat(3);
        try (var server = Serve.start(dir, text, "--quiet", "--num-bytes", "20", "--delay", "0.01")) {
            assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), Clients.fetch(server.address()));
            assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), Clients.fetch(server.address()));
            assertEquals(List.of(), server.stopAndReadTheRest(), "lines after the start line");
            assertEquals(List.of(), server.errLines());
        }
    }

    @Test
    void statsLinesCountTheConnectionsOpenOnALiveServer() throws Exception {
        try (var server = Serve.start(dir, "A poem that takes a while.\n", "--impl", "reactor", "--quiet",
                "--stats", "0.2", "--num-bytes", "1", "--delay", "1")) {
            try (Socket a = Clients.connect(server.address()); Socket b = Clients.connect(server.address());
                    Socket c = Clients.connect(server.address())) {
                for (Socket s : List.of(a, b, c)) {
                    assertTrue(s.getInputStream().read() >= 0); // being served
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> server.errLines().stream().anyMatch(
                        l -> l.startsWith("stats: connections=3 ")));
            }
            assertEquals(List.of(), server.stopAndReadTheRest());
            assertFalse(server.errLines().isEmpty());
            for (String line : server.errLines()) {
                assertTrue(STATS_LINE.matcher(line).matches(), "not a stats line: " + line);
            }
        }
    }

    /** A {@code serve slow} process of a test, its stderr collected as it comes; closing kills it. */
    private record Serve(Process process, BufferedReader out, InetSocketAddress address, List<String> errLines,
            Thread errReader) implements AutoCloseable {

        /** Starts {@code serve slow --port 0 OPTIONS POEM} on {@code text} and reads its start line. */
        static Serve start(Path dir, String text, String... options) throws IOException {
            Path poem = Files.writeString(dir.resolve("poem.txt"), text);
            var args = new java.util.ArrayList<>(List.of("serve", "slow", "--port", "0"));
            args.addAll(List.of(options));
            args.add(poem.toString());
            Process process = new ProcessBuilder(ChildServer.javaCommand(args)).start();
            List<String> errLines = new CopyOnWriteArrayList<>();
            Thread errReader = Thread.ofVirtual().start(() -> process.errorReader(StandardCharsets.UTF_8).lines()
                    .forEach(errLines::add));
            BufferedReader out = process.inputReader(StandardCharsets.UTF_8);
            Matcher serving = SERVING.matcher(String.valueOf(out.readLine()));
            if (!serving.matches()) {
                process.destroyForcibly();
                throw new AssertionError("no start line; stderr: " + errLines);
            }
            return new Serve(process, out, new InetSocketAddress("127.0.0.1", Integer.parseInt(serving.group(2))),
                    errLines, errReader);
        }

        /** Stops it as Ctrl-C does and returns the lines it printed after its start line. */
        List<String> stopAndReadTheRest() throws Exception {
            signal(process, ChildServer.interruptIgnored() ? "TERM" : "INT");
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "still running after the signal");
            List<String> rest = out.lines().toList();
            errReader.join(Duration.ofSeconds(10));
            return rest;
        }

        @Override
        public void close() throws Exception {
            process.destroyForcibly();
            process.waitFor();
            process.getInputStream().close();
            process.getErrorStream().close();
            process.getOutputStream().close();
            errReader.join(Duration.ofSeconds(10));
        }
    }

    private static void signal(Process process, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                .redirectErrorStream(true).start();
        String said = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, kill.waitFor(), "kill -" + signal + ": " + said);
    }

    /** Skips what was sent before the server stopped; the stream is then at its end. */
    private static InputStream drain(InputStream in) throws IOException {
        try {
            in.skip(Long.MAX_VALUE);
        } catch (IOException reset) {
            // a reset is an end too
        }
        return in;
    }

    private static String errorsOf(Process process) throws IOException {
        if (process.isAlive()) {
            return "";
        }
        return "; stderr: " + new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
