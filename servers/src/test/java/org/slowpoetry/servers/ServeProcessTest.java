package org.slowpoetry.servers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
