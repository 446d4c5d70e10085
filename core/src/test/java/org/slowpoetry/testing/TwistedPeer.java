package org.slowpoetry.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text's world on the other end of the wire: short Twisted programs of our own (in this
 * package's test resources, {@code twisted/*.py}) that speak the text's protocols, run with Debian's
 * Python, so interoperability tests can prove that our servers answer Twisted clients and our
 * clients talk to Twisted servers. Where Twisted is missing, {@link #assumeAvailable()} skips the
 * test with the install hint; CI does not need it.
 *
 * {@snippet :
 * TwistedPeer.assumeAvailable();
 * var run = TwistedPeer.run("twisted_transform_client.py", poem, String.valueOf(port), "cummingsify");
 * assertEquals(lower(poem), run.out());
 * }
 *
 * <p><b>Threading:</b> the methods run on the test's thread; each program is a child process that
 * {@link #run} waits for (bounded), and a {@link Server} is ended by {@link Server#close()} (closing
 * its stdin, which such a server takes as the signal to stop, then destroying it if need be).
 */
public final class TwistedPeer {
    /** Debian's Python, where {@code apt-get install python3-twisted} puts Twisted. */
    public static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String HINT = "Twisted is not installed: apt-get install -y python3-twisted";
    /** How long a client program may take, and a server to say where it listens. */
    private static final long WAIT_SECONDS = 30;

    private TwistedPeer() {
    }

    /** Skips the calling test, with the install hint, unless Debian's Python has Twisted. */
    public static void assumeAvailable() {
        assumeTrue(available(), HINT);
    }

    private static boolean available() {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import twisted")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** What a client program did: its exit code and everything it wrote. */
    public record Run(int exitCode, String out, String err) {
    }

    /**
     * Runs {@code script} with {@code args}, {@code stdin} on its standard input, and waits for it.
     *
     * @throws AssertionError if it does not end within 30 s (it is destroyed first)
     */
    public static Run run(String script, String stdin, String... args) throws IOException, InterruptedException {
        Path scratch = Files.createTempDirectory("twisted-peer");
        Process p = start(scratch, script, args);
        try {
            var err = drain(p.getErrorStream());
            var out = drain(p.getInputStream());
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            if (!p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError(script + " did not end within " + WAIT_SECONDS + " s");
            }
            out.join();
            err.join();
            return new Run(p.exitValue(), out.text(), err.text());
        } finally {
            p.destroyForcibly().waitFor();
            deleteQuietly(scratch);
        }
    }

    /**
     * Starts a server program that prints {@code ... on PORT.} once listening, and returns once it
     * has; it runs until {@link Server#close()}.
     */
    public static Server serve(String script, String... args) throws IOException, InterruptedException {
        Path scratch = Files.createTempDirectory("twisted-peer");
        Process p = start(scratch, script, args);
        var err = drain(p.getErrorStream());
        var reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Matcher port = null;
        for (String line; port == null && (line = reader.readLine()) != null; ) {
            Matcher m = Pattern.compile(" on (\\d+)\\.$").matcher(line);
            port = m.find() ? m : null;
        }
        if (port == null) {
            p.destroyForcibly().waitFor();
            err.join();
            deleteQuietly(scratch);
            throw new AssertionError(script + " ended without listening: " + err.text());
        }
        return new Server(p, Integer.parseInt(port.group(1)), scratch, err);
    }

    /** A running server program. */
    public static final class Server implements AutoCloseable {
        private final Process process;
        private final int port;
        private final Path scratch;
        private final Drain err;

        private Server(Process process, int port, Path scratch, Drain err) {
            this.process = process;
            this.port = port;
            this.scratch = scratch;
            this.err = err;
        }

        /** The port it listens on, on 127.0.0.1. */
        public int port() {
            return port;
        }

        @Override
        public void close() throws IOException, InterruptedException {
            process.getOutputStream().close(); // the server stops when its stdin closes
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            err.join();
            deleteQuietly(scratch);
        }
    }

    private static Process start(Path scratch, String script, String... args) throws IOException {
        Path file = scratch.resolve(script);
        try (InputStream in = TwistedPeer.class.getResourceAsStream("twisted/" + script)) {
            if (in == null) {
                throw new IllegalArgumentException("no such peer program: twisted/" + script);
            }
            Files.copy(in, file);
        }
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), file.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    /** A thread reading one of a child's streams to the end, so the child never blocks on a full pipe. */
    private static final class Drain {
        private final Thread thread;
        private final StringBuilder text = new StringBuilder();

        Drain(InputStream in) {
            thread = Thread.ofVirtual().start(() -> {
                try {
                    String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    synchronized (text) {
                        text.append(all);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        void join() throws InterruptedException {
            thread.join();
        }

        String text() {
            synchronized (text) {
                return text.toString();
            }
        }
    }

    private static Drain drain(InputStream in) {
        return new Drain(in);
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
