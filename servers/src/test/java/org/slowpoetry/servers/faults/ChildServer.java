package org.slowpoetry.servers.faults;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code slowpoetry serve ...} as a child JVM on the test class path, optionally under a lowered
 * limit of open files ({@code ulimit -n}), watched from outside the way an operator would: its
 * output lines, its open descriptors, OS threads and CPU time ({@code /proc/PID}), its exit code.
 * Linux only.
 *
 * {@snippet :
 * try (ChildServer server = ChildServer.start(256, List.of("serve", "slow", "--port", "0", poem))) {
 *     int port = server.port();          // from its first line, "Serving ... on port N."
 *     int fds = server.openFds();
 *     server.signal("TERM");
 *     int code = server.awaitExit(Duration.ofSeconds(20));
 * }   // killed if still running, its output readers ended
 * }
 *
 * <p><b>Threading:</b> used by the test's thread; two virtual threads of its own read the child's
 * stdout and stderr into lists any thread may read, and end (joined by {@link #close()}) when the
 * child does.
 */
public final class ChildServer implements AutoCloseable {

    /** How long the child may take to start listening, and to do anything else asked of it. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    /** How many CPU-time ticks {@code /proc/PID/stat} counts per second. */
    private static final long CLOCK_TICKS = clockTicksPerSecond();

    /** The port in a server's first line: {@code on port N.} or {@code on HOST:N.} */
    private static final Pattern PORT = Pattern.compile("(?:on port |:)(\\d+)\\.$");

    private final Process process;
    private final List<String> out = new CopyOnWriteArrayList<>();
    private final List<String> err = new CopyOnWriteArrayList<>();
    private final Thread outReader;
    private final Thread errReader;

    private ChildServer(Process process) {
        this.process = process;
        this.outReader = Thread.ofVirtual().name("child-stdout").start(() -> collect(process.getInputStream(), out));
        this.errReader = Thread.ofVirtual().name("child-stderr").start(() -> collect(process.getErrorStream(), err));
    }

    /**
     * Starts {@code slowpoetry ARGS} in a child JVM, under {@code ulimit -n fileLimit} unless
     * {@code fileLimit} is 0.
     */
    public static ChildServer start(int fileLimit, List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        if (fileLimit > 0) {
            command.addAll(List.of("bash", "-c", "ulimit -n " + fileLimit + " && exec \"$@\"", "bash"));
        }
        command.addAll(javaCommand(args));
        return new ChildServer(new ProcessBuilder(command).start());
    }

    /** The test JVM's own java running {@code slowpoetry ARGS} from the test class path, with the build's flags. */
    public static List<String> javaCommand(List<String> args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-preview",
                "--add-exports", "java.base/sun.nio.ch=ALL-UNNAMED", // the poll selector
                "-cp", System.getProperty("java.class.path"),
                "org.slowpoetry.cli.Main"));
        command.addAll(args);
        return command;
    }

    /** The port the server listens on, from its first line (waited for). */
    public int port() {
        await().atMost(PATIENCE).until(() -> !out.isEmpty() || !process.isAlive());
        if (out.isEmpty()) {
            throw new AssertionError("the server ended before listening; stderr: " + err);
        }
        Matcher m = PORT.matcher(out.getFirst());
        if (!m.find()) {
            throw new AssertionError("no port in the server's first line: " + out.getFirst());
        }
        return Integer.parseInt(m.group(1));
    }

    public long pid() {
        return process.pid();
    }

    /** Its lines on stdout so far. */
    public List<String> stdout() {
        return List.copyOf(out);
    }

    /** Its lines on stderr so far. */
    public List<String> stderr() {
        return List.copyOf(err);
    }

    /** How many file descriptors it has open now. */
    public int openFds() {
        try (Stream<Path> fds = Files.list(proc().resolve("fd"))) {
            return (int) fds.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many OS threads it has now. */
    public int threads() {
        try {
            return Files.readAllLines(proc().resolve("status")).stream()
                    .filter(line -> line.startsWith("Threads:"))
                    .mapToInt(line -> Integer.parseInt(line.substring("Threads:".length()).strip()))
                    .findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CPU time it has used so far, user and system, in nanoseconds. */
    public long cpuNanos() {
        try {
            String stat = Files.readString(proc().resolve("stat"));
            // After the command name in parentheses: state is field 3, utime 14, stime 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
            return ticks * TimeUnit.SECONDS.toNanos(1) / CLOCK_TICKS;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The share of one CPU it uses over the next {@code window} of real time: 1.0 is a core kept
     * busy. A spin detector, not a measure of speed.
     */
    public double cpuShareOver(Duration window) {
        long cpu = cpuNanos();
        long start = System.nanoTime();
        await().atMost(window.multipliedBy(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> System.nanoTime() - start >= window.toNanos());
        return (double) (cpuNanos() - cpu) / (System.nanoTime() - start);
    }

    /** Sends it {@code SIG<name>}. */
    public void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                .redirectErrorStream(true).start();
        String said = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!kill.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new AssertionError("kill -" + name + " failed: " + said);
        }
    }

    /** Waits for it to end and returns its exit code; fails if it is still running after {@code atMost}. */
    public int awaitExit(Duration atMost) throws InterruptedException {
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running after " + atMost + "; stderr: " + err);
        }
        outReader.join();
        errReader.join();
        return process.exitValue();
    }

    /** Kills it if it is still running, and waits for it and its output readers. */
    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        outReader.join();
        errReader.join();
    }

    /**
     * Whether SIGINT is ignored in this JVM, and so in its children: a shell starts background jobs
     * that way, and a JVM leaves an ignored SIGINT ignored. SIGTERM then stands in for Ctrl-C: it
     * runs the same shutdown hook.
     */
    public static boolean interruptIgnored() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                long ignored = Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16);
                return (ignored & (1L << (2 - 1))) != 0;
            }
        }
        return false;
    }

    private Path proc() {
        return Path.of("/proc", Long.toString(process.pid()));
    }

    private static void collect(InputStream stream, List<String> lines) {
        try (BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the child was killed: its output ends here
        }
    }

    /** {@code getconf CLK_TCK}: the unit of the CPU times in {@code /proc/PID/stat}; 100 nearly everywhere. */
    private static long clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
            String ticks = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            getconf.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            return Long.parseLong(ticks);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted asking for CLK_TCK", e);
        }
    }
}
