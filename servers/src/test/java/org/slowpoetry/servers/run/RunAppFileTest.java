package org.slowpoetry.servers.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slowpoetry.servers.Clients;

/**
 * {@code slowpoetry run --app FILE.java} as a real process: an application file (in the test
 * resources) that serves two poems on two ports is compiled in memory, run, served from, and
 * stopped, in the foreground and as a daemon. (Files that do not compile, or break the convention,
 * are in {@link RunCommandLineTest}.)
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RunAppFileTest {
    private static final String POEM_A = "The first poem,\non the first port.\n";
    private static final String POEM_B = "The second poem — ünd —\non the second port.\n";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "daemon: {0}")
    @ValueSource(booleans = {false, true})
    void anApplicationFileServesTwoPoemsOnTwoPortsAndStops(boolean daemon) throws Exception {
        copyResource("TwoPoems.java");
        Files.writeString(dir.resolve("poem-a.txt"), POEM_A);
        Files.writeString(dir.resolve("poem-b.txt"), POEM_B);
        List<String> args = new ArrayList<>(List.of("run", "--app", "TwoPoems.java"));
        if (!daemon) {
            args.add(1, "--nodaemon");
        }

        try (var run = RunProcess.start(dir, args.toArray(String[]::new))) {
            long pid = daemon ? awaitDaemon(run) : run.pid();
            Path log = daemon ? dir.resolve(RunCommand.DEFAULT_LOGFILE) : run.stdoutFile();

            assertArrayEquals(POEM_A.getBytes(StandardCharsets.UTF_8), Clients.fetch(run.awaitListening(log, "tcp-a")));
            assertArrayEquals(POEM_B.getBytes(StandardCharsets.UTF_8), Clients.fetch(run.awaitListening(log, "tcp-b")));

            RunProcess.signal(pid, "TERM");
            if (daemon) {
                ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(60, TimeUnit.SECONDS).join());
            } else {
                assertEquals(0, run.awaitExit(), run::toString);
            }
            List<String> lines = RunProcess.lines(log);
            assertTrue(lines.stream().anyMatch(l -> l.endsWith("] started two-poems")), () -> String.join("\n", lines));
            assertTrue(lines.getLast().endsWith("] Server Shut Down."), () -> String.join("\n", lines));
            assertFalse(Files.exists(dir.resolve(RunCommand.DEFAULT_PIDFILE)));
        }
    }

    /** Waits for the launcher to return, and hands the daemon to {@code run} to clean up. */
    private long awaitDaemon(RunProcess run) throws Exception {
        assertEquals(0, run.awaitExit(), run.stderr());
        long pid = new PidFile(dir.resolve(RunCommand.DEFAULT_PIDFILE)).pid().orElseThrow();
        run.adoptDaemon(pid);
        return pid;
    }

    private void copyResource(String name) throws IOException {
        try (InputStream in = RunAppFileTest.class.getResourceAsStream(name)) {
            Files.copy(in, dir.resolve(name));
        }
    }
}
