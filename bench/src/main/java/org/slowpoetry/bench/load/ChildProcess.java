package org.slowpoetry.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slowpoetry.cli.UserException;

/**
 * A child process the harness talks to line by line: its standard output read into a queue by a
 * virtual thread, its standard error kept in a temporary file (shown when something goes wrong),
 * its standard input open until {@link #close()}, which is how our children know to stop.
 *
 * <p><b>Threading:</b> one owner thread calls {@link #awaitLine}, {@link #send} and {@link #close};
 * the reader thread only fills the queue.
 */
final class ChildProcess implements AutoCloseable {
    /**
     * The line the queue gets when standard output ends; compared by identity, so that no line
     * the child prints can be mistaken for it.
     */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String EOF = new String("<eof>");

    private final String name;
    private final Process process;
    private final Path stderr;
    private final Writer stdin;
    private final Thread reader;
    /** Filled by the reader thread, drained by the owner. */
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    /**
     * Children not yet closed, for the shutdown hook: a harness stopped with Ctrl-C or a signal
     * must not leave a load generator busy for the rest of its deadline. Added and removed by
     * owner threads, read by the hook.
     */
    private static final java.util.Set<Process> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("bench-children-stop").unstarted(
                () -> LIVE.forEach(Process::destroyForcibly)));
    }

    private ChildProcess(String name, Process process, Path stderr) {
        this.name = name;
        this.process = process;
        this.stderr = stderr;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.reader = Thread.ofVirtual().name(name + "-stdout").start(this::readLines);
    }

    /** Starts {@code command}; {@code name} labels errors. */
    static ChildProcess start(String name, List<String> command) {
        Path log = null;
        try {
            log = Files.createTempFile("slowpoetry-bench-", ".log");
            Process p = new ProcessBuilder(command).redirectError(log.toFile()).start();
            LIVE.add(p);
            return new ChildProcess(name, p, log);
        } catch (IOException e) {
            deleteQuietly(log);
            throw new UserException("cannot start " + name + " (" + command.getFirst() + "): " + e.getMessage(), e);
        }
    }

    /** The command line that runs {@code org.slowpoetry.cli.Main args} in a new JVM like this one. */
    static List<String> javaCommand(List<String> jvmArgs, List<String> args) {
        var cmd = new ArrayList<String>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-preview");
        cmd.add("--enable-native-access=ALL-UNNAMED");
        String home = System.getProperty("slowpoetry.home");
        if (home != null) {
            cmd.add("-Dslowpoetry.home=" + home);
        }
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.slowpoetry.cli.Main");
        cmd.addAll(args);
        return cmd;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /**
     * The next output line that {@code wanted} accepts (others are skipped).
     *
     * @throws UserException if output ends or {@code timeoutMillis} pass first, with the child's
     *                       standard error
     */
    String awaitLine(Predicate<String> wanted, long timeoutMillis, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
            if (line == null) {
                throw failure("no " + what + " within " + timeoutMillis / 1000.0 + " s");
            }
            if (line == EOF) {
                lines.add(EOF);
                throw failure("ended before " + what);
            }
            if (wanted.test(line)) {
                return line;
            }
        }
    }

    /** Writes one line to the child's standard input. */
    void send(String line) throws IOException {
        stdin.write(line);
        stdin.write('\n');
        stdin.flush();
    }

    /** A {@link UserException} naming this child, {@code problem}, and the end of its stderr. */
    UserException failure(String problem) {
        String err = "";
        try {
            List<String> all = Files.readAllLines(stderr);
            err = String.join(" | ", all.subList(Math.max(0, all.size() - 3), all.size())).strip();
        } catch (IOException ignored) {
            // no stderr to show
        }
        String exit = process.isAlive() ? "" : " (exit code " + process.exitValue() + ")";
        return new UserException(name + ": " + problem + exit + (err.isEmpty() ? "" : "; its stderr: " + err));
    }

    /** Waits for the child to exit by itself. */
    boolean waitFor(long timeoutMillis) throws InterruptedException {
        return process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** Closes its standard input, waits for it to exit, and kills it if it does not. */
    @Override
    public void close() {
        try {
            stdin.close();
        } catch (IOException ignored) {
            // it may be gone already
        }
        boolean interrupted = false;
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
            reader.join();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            interrupted = true;
        }
        LIVE.remove(process);
        deleteQuietly(stderr);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void readLines() {
        try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
            }
        } catch (IOException ignored) {
            // the process went away
        } finally {
            lines.add(EOF);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a temp file left behind
            }
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
