package org.slowpoetry.servers.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.slowpoetry.servers.Clients;

/**
 * {@code --logfile} as a real process: tinylog's rolling writer starts a new numbered file
 * whenever the next line would pass {@code --log-max-size}, keeps {@code --log-backups} finished
 * ones, and the log file's own name is the current file.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RunLogFileTest {
    private static final int MAX_SIZE = 1024;
    private static final int BACKUPS = 2;

    @TempDir
    Path dir;

    @Test
    void theLogIsRotatedBySizeKeepingTheBackupsAsked() throws Exception {
        Path poem = Files.writeString(dir.resolve("poem.txt"), "Every fetch a log line.\n");
        Path log = dir.resolve("run.log");
        try (var run = RunProcess.start(dir, "run", "--nodaemon", "--logfile", "run.log", "--log-max-size", "1k",
                "--log-backups", Integer.toString(BACKUPS), "testpoetry", "--poem", poem.toString())) {
            InetSocketAddress address = run.awaitListening(log);
            for (int i = 0; i < 40; i++) { // a line each, about 100 bytes: 4 KB at least, 4 rotations at least
                Clients.fetch(address);
            }
            run.signal("TERM");
            assertEquals(0, run.awaitExit());
            assertEquals("", run.stdout(), "with --logfile, nothing on stdout");
        }

        List<Path> files = numbered(log);
        assertEquals(BACKUPS + 1, files.size(), () -> "the current file and " + BACKUPS + " backups: " + files);
        assertTrue(number(files.getLast()) >= 4, () -> "rotated at least 4 times, older files deleted: " + files);
        for (Path file : files) {
            // tinylog does not count the first line of a file against its size: a file may pass the size by that line
            long firstLine = Files.readAllLines(file).getFirst().length() + 1;
            assertTrue(Files.size(file) <= MAX_SIZE + firstLine, () -> file + " is over " + MAX_SIZE + " bytes and a line");
        }
        assertTrue(Files.isSameFile(log, files.getLast()), "run.log is the current file");
        List<String> current = Files.readAllLines(log);
        assertTrue(current.getLast().endsWith("] Server Shut Down."), current::toString);
        assertTrue(current.getLast().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d[+-]\\d{4} \\[\\w+\\] .*"),
                "twistd's line shape: " + current.getLast());
    }

    /** {@code log.N} files, oldest first. */
    private static List<Path> numbered(Path log) throws IOException {
        try (Stream<Path> all = Files.list(log.getParent())) {
            return all.filter(p -> p.getFileName().toString().matches("run\\.log\\.\\d+"))
                    .sorted(Comparator.comparingInt(RunLogFileTest::number))
                    .toList();
        }
    }

    private static int number(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(name.lastIndexOf('.') + 1));
    }
}
