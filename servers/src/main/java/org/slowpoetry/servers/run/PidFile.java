package org.slowpoetry.servers.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The runner's pid file, twistd's {@code twistd.pid}: the process id of a running
 * {@code slowpoetry run}, written once its services have started, so that
 * {@code kill $(cat slowpoetry.pid)} stops it; removed when it stops.
 *
 * {@snippet :
 * var pidFile = new PidFile(Path.of("slowpoetry.pid"));
 * switch (pidFile.state()) {
 *     case PidFileState.Running(long pid) -> throw refusal(pid);
 *     case PidFileState.Stale(String why) -> pidFile.delete();
 *     case PidFileState.Absent() -> { }
 * }
 * // ... start the services ...
 * pidFile.write(ProcessHandle.current().pid());
 * }
 *
 * <p>The file holds the pid in decimal and a line break. Reading is bounded ({@link #MAX_BYTES}):
 * a longer file holds no pid. Writing creates the file and fails if it exists, so of two runners
 * started at once with the same file, one finds the other's pid there and stops.
 *
 * <p><b>Threading:</b> immutable; each method is one short file operation, from any thread.
 */
final class PidFile {
    /** A pid has at most 19 digits; more than this is not a pid file. */
    static final int MAX_BYTES = 32;

    private final Path path;

    PidFile(Path path) {
        this.path = Objects.requireNonNull(path, "path");
    }

    Path path() {
        return path;
    }

    /**
     * What the file says about another runner.
     *
     * @throws IOException if the file exists and cannot be read
     */
    PidFileState state() throws IOException {
        String text;
        try {
            text = read();
        } catch (NoSuchFileException e) {
            return new PidFileState.Absent();
        }
        OptionalLong pid = parse(text);
        if (pid.isEmpty()) {
            return new PidFileState.Stale("it holds '" + printable(text) + "', not a pid");
        }
        long p = pid.getAsLong();
        if (p == ProcessHandle.current().pid()) {
            return new PidFileState.Stale("pid " + p + " is this process: the file is older than it");
        }
        boolean alive = ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false);
        return alive ? new PidFileState.Running(p) : new PidFileState.Stale("pid " + p + " is not running");
    }

    /** The pid in the file, if it exists and holds one (complete: a half-written pid is no pid). */
    OptionalLong pid() {
        try {
            return parse(read());
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Writes {@code pid}, creating the file.
     *
     * @throws IOException if the file exists (another runner wrote it after {@link #state()} was
     *                     read) or cannot be written; the message names the file
     */
    void write(long pid) throws IOException {
        try {
            Files.writeString(path, pid + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            OptionalLong other = pid();
            throw new IOException("the pid file " + path + " appeared while starting: another slowpoetry run"
                    + (other.isPresent() ? ", pid " + other.getAsLong() + "," : "") + " is using it", e);
        } catch (IOException e) {
            throw new IOException("cannot write the pid file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the file (a stale one). @throws IOException if it exists and cannot be deleted */
    void delete() throws IOException {
        Files.deleteIfExists(path);
    }

    /**
     * Deletes the file if it still holds {@code pid}: a runner removes its own file, never one that
     * another runner has written since.
     *
     * @return whether it was deleted
     * @throws IOException if it holds {@code pid} and cannot be deleted
     */
    boolean deleteIfHolds(long pid) throws IOException {
        if (pid().equals(OptionalLong.of(pid))) {
            Files.delete(path);
            return true;
        }
        return false;
    }

    private String read() throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return new String(in.readNBytes(MAX_BYTES + 1), StandardCharsets.US_ASCII);
        }
    }

    private static OptionalLong parse(String text) {
        String digits = text.strip();
        if (text.length() > MAX_BYTES || digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        try {
            long pid = Long.parseLong(digits);
            return pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (NumberFormatException tooLong) {
            return OptionalLong.empty();
        }
    }

    /** {@code text} for a log line: one line, at most {@link #MAX_BYTES} characters. */
    private static String printable(String text) {
        String line = text.strip().replaceAll("\\p{Cntrl}", "?");
        return line.length() > MAX_BYTES ? line.substring(0, MAX_BYTES) + "..." : line;
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
