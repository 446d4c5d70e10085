package org.slowpoetry.servers.run;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code slowpoetry run ...} as a child JVM with the test class path (so the test plugin is
 * there), in a working directory of the test's, its stdout and stderr in files beside it. Closing
 * it kills the process, and any daemon it was told about, if they are still running.
 *
 * <p><b>Threading:</b> the test's thread.
 */
final class RunProcess implements AutoCloseable {
    /** Long enough for a JVM to start and compile an application file on a loaded machine. */
    static final Duration PATIENCE = Duration.ofSeconds(60);
    /** A TCP service's log line: {@code NAME listening on HOST:PORT}. */
    private static final Pattern LISTENING = Pattern.compile(".*\\] (\\S+) listening on (.+):(\\d+)$");
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final Process process;
    private final Path stdout;
    private final Path stderr;
    /** Daemons to kill on close, if a test fails before stopping them. */
    private final List<Long> daemons = new ArrayList<>();

    private RunProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts {@code slowpoetry ARGS} in {@code dir}. */
    static RunProcess start(Path dir, String... args) throws IOException {
        int n = RUNS.incrementAndGet();
        Path out = dir.resolve("run-" + n + ".out");
        Path err = dir.resolve("run-" + n + ".err");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-preview",
                "-cp", System.getProperty("java.class.path"),
                "org.slowpoetry.cli.Main"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        return new RunProcess(process, out, err);
    }

    long pid() {
        return process.pid();
    }

    Path stdoutFile() {
        return stdout;
    }

    String stdout() throws IOException {
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    String stderr() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    /** Waits for the process to end; its exit status. */
    int awaitExit() throws InterruptedException, IOException {
        if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("still running after " + PATIENCE + "; stderr: " + stderr());
        }
        return process.exitValue();
    }

    /** Kills {@code pid} on close, if it is still running then. */
    void adoptDaemon(long pid) {
        daemons.add(pid);
    }

    /** Sends {@code SIGNAME} ({@code TERM}, {@code INT}) to the process. */
    void signal(String name) throws IOException, InterruptedException {
        signal(process.pid(), name);
    }

    static void signal(long pid, String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).redirectErrorStream(true).start();
        String said = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, kill.waitFor(), "kill -" + name + " " + pid + ": " + said);
    }

    /** Whether process {@code pid} ignores SIGINT (a shell's background jobs do, and a JVM keeps it so). */
    static boolean ignoresSigint(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("SigIgn:")) {
                long ignored = Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16);
                return (ignored & 0b10) != 0; // SIGINT is signal 2: bit 1
            }
        }
        throw new AssertionError("no SigIgn line in /proc/" + pid + "/status");
    }

    /** The session id of process {@code pid}, from {@code /proc/PID/stat}. */
    static long sessionOf(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(afterName[3]); // state, ppid, pgrp, session
    }

    /** Waits until {@code log} has a line {@code NAME listening on HOST:PORT}; that address. */
    InetSocketAddress awaitListening(Path log, String name) {
        return await().atMost(PATIENCE).until(() -> listening(log, name), Optional::isPresent).orElseThrow();
    }

    /** Waits until {@code log} has a line {@code ANY listening on HOST:PORT}; that address. */
    InetSocketAddress awaitListening(Path log) {
        return awaitListening(log, null);
    }

    private Optional<InetSocketAddress> listening(Path log, String name) throws IOException {
        if (!process.isAlive() && daemons.isEmpty()) {
            throw new AssertionError("the runner exited with " + process.exitValue() + "; stderr: " + stderr()
                    + "; stdout: " + stdout());
        }
        return listeningIn(lines(log), name);
    }

    /** The address of the first line {@code NAME listening on HOST:PORT} in {@code log}, any name if null. */
    static Optional<InetSocketAddress> listeningIn(List<String> log, String name) {
        for (String line : log) {
            Matcher m = LISTENING.matcher(line);
            if (m.matches() && (name == null || m.group(1).equals(name))) {
                return Optional.of(new InetSocketAddress(m.group(2), Integer.parseInt(m.group(3))));
            }
        }
        return Optional.empty();
    }

    /** The lines of {@code file}, none if it does not exist yet. */
    static List<String> lines(Path file) throws IOException {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException notYet) {
            return List.of();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        for (long pid : daemons) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
