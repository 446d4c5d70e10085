package org.slowpoetry.servers.run;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slowpoetry.servers.Clients;

/**
 * The pid file between real runner processes: a second runner refuses to start while the first
 * one's pid is alive in the file; a file left behind by a runner that is gone is replaced, with a
 * log line saying so.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RunPidFileTest {

    @TempDir
    Path dir;

    private Path poem;
    private Path pidFile;

    @BeforeEach
    void writePoem() throws IOException {
        poem = Files.writeString(dir.resolve("poem.txt"), "One pid file,\none runner at a time.\n");
        pidFile = dir.resolve(RunCommand.DEFAULT_PIDFILE);
    }

    @Test
    void aSecondRunnerRefusesWhileTheFirstOnesPidIsAlive() throws Exception {
        try (var first = startAndAwaitPid()) {
            try (var second = RunProcess.start(dir, "run", "--nodaemon", "testpoetry", "--poem", poem.toString())) {
                assertEquals(ApplicationRunner.FAILED, second.awaitExit());
                assertEquals("slowpoetry run: another slowpoetry is running with pid " + first.pid() + " ("
                        + RunCommand.DEFAULT_PIDFILE + ")\n", second.stderr());
            }
            assertEquals(OptionalLong.of(first.pid()), new PidFile(pidFile).pid(), "the first one's file is left alone");
            Clients.fetch(first.awaitListening(first.stdoutFile())); // and the first one still serves

            first.signal("TERM");
            assertEquals(0, first.awaitExit());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a pid that is not running", "not a pid"})
    void aStalePidFileIsReplacedWithALogLine(String content) throws Exception {
        long gone = exitedPid();
        Files.writeString(pidFile, content.equals("not a pid") ? "not a pid\n" : gone + "\n");

        try (var run = startAndAwaitPid()) {
            String why = content.equals("not a pid") ? "it holds 'not a pid', not a pid" : "pid " + gone + " is not running";
            String log = run.stdout();
            assertTrue(log.contains("] removed the stale pid file " + RunCommand.DEFAULT_PIDFILE + ": " + why + "\n"), log);

            run.signal("TERM");
            assertEquals(0, run.awaitExit());
            assertFalse(Files.exists(pidFile));
        }
    }

    /** Starts a foreground runner and waits until its pid is in the pid file. */
    private RunProcess startAndAwaitPid() throws IOException {
        var run = RunProcess.start(dir, "run", "--nodaemon", "testpoetry", "--poem", poem.toString());
        await().atMost(RunProcess.PATIENCE).until(() -> new PidFile(pidFile).pid().equals(OptionalLong.of(run.pid())));
        return run;
    }

    /** The pid of a process that has exited (and been reaped). */
    private static long exitedPid() throws IOException, InterruptedException {
        Process done = new ProcessBuilder("true").start();
        assertEquals(0, done.waitFor());
        return done.pid();
    }
}
