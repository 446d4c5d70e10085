package org.slowpoetry.servers.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slowpoetry.cli.ExitCodes;

/**
 * {@code slowpoetry run} failing, as a real process: a service that cannot start (the ones
 * started before it are stopped), a stop that never ends (given up after the stop timeout), a
 * daemon that cannot start (its error and exit status come back to the command), a plugin that
 * cannot build its services. Each ends with one line on stderr, a non-zero exit status, and no
 * pid file.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RunFailuresTest {

    @TempDir
    Path dir;

    private Path poem;

    @BeforeEach
    void writePoem() throws IOException {
        poem = Files.writeString(dir.resolve("poem.txt"), "A port in use,\na stop that hangs.\n");
    }

    @ParameterizedTest(name = "--impl {0}")
    @ValueSource(strings = {"reactor", "loom"})
    void aPortInUseStopsTheServicesStartedBeforeAndExits1WithOneLine(String impl) throws Exception {
        try (var busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             var run = RunProcess.start(dir, "run", "--nodaemon", "testpoetry", "--impl", impl,
                     "--poem", poem.toString(), "--port2", Integer.toString(busy.getLocalPort()))) {

            assertEquals(ApplicationRunner.FAILED, run.awaitExit());

            String error = oneLine(run.stderr());
            assertTrue(error.startsWith("slowpoetry run: cannot start tcp-2: cannot listen on 127.0.0.1:"
                    + busy.getLocalPort() + ": "), error);
            List<String> log = run.stdout().lines().toList();
            InetSocketAddress first = RunProcess.listeningIn(log, "tcp-1").orElseThrow();
            assertTrue(log.stream().anyMatch(l -> l.endsWith("] tcp-1 stopped listening on 127.0.0.1:" + first.getPort())),
                    () -> "tcp-1 was stopped: " + log);
            assertTrue(log.getLast().endsWith("] " + error.substring("slowpoetry run: ".length())), "logged too: " + log);
            assertFalse(Files.exists(dir.resolve(RunCommand.DEFAULT_PIDFILE)), "no pid file");
        }
    }

    @ParameterizedTest(name = "--impl {0}")
    @ValueSource(strings = {"reactor", "loom"})
    void aStopThatNeverEndsIsGivenUpAfterTheStopTimeout(String impl) throws Exception {
        try (var run = RunProcess.start(dir, "run", "--nodaemon", "--stop-timeout", "0.5", "testpoetry",
                "--impl", impl, "--poem", poem.toString(), "--hang-on-stop")) {
            run.awaitListening(run.stdoutFile());
            awaitPidFile(run);

            run.signal("TERM");

            assertEquals(ApplicationRunner.FAILED, run.awaitExit());
            assertEquals("slowpoetry run: the services did not stop within 0.5 s; exiting without waiting for them",
                    oneLine(run.stderr()));
            assertFalse(Files.exists(dir.resolve(RunCommand.DEFAULT_PIDFILE)), "the pid file is removed all the same");
        }
    }

    @Test
    void aDaemonThatCannotStartHandsItsLineAndExitStatusToTheCommand() throws Exception {
        try (var busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             var launcher = RunProcess.start(dir, "run", "testpoetry", "--poem", poem.toString(),
                     "--port", Integer.toString(busy.getLocalPort()))) {

            assertEquals(ApplicationRunner.FAILED, launcher.awaitExit());

            String error = oneLine(launcher.stderr());
            assertTrue(error.startsWith("slowpoetry run: cannot start tcp-1: cannot listen on 127.0.0.1:"), error);
            assertFalse(Files.exists(dir.resolve(RunCommand.DEFAULT_PIDFILE)), "no pid file");
            List<String> log = RunProcess.lines(dir.resolve(RunCommand.DEFAULT_LOGFILE));
            assertTrue(log.getLast().endsWith(error.substring("slowpoetry run: ".length())), "the daemon's log: " + log);
        }
    }

    @Test
    void aPluginThatCannotBuildItsServicesIsOneLineExit2() throws Exception {
        try (var run = RunProcess.start(dir, "run", "--nodaemon", "testpoetry", "--poem", "no-such-poem.txt")) {
            assertEquals(ExitCodes.USAGE, run.awaitExit());
            assertEquals("slowpoetry run: testpoetry: cannot read the poem no-such-poem.txt", oneLine(run.stderr()));
            assertFalse(Files.exists(dir.resolve(RunCommand.DEFAULT_PIDFILE)));
        }
    }

    private static String oneLine(String stderr) {
        List<String> lines = stderr.lines().toList();
        assertEquals(1, lines.size(), () -> "one line on stderr, not: " + stderr);
        return lines.getFirst();
    }

    private void awaitPidFile(RunProcess run) {
        org.awaitility.Awaitility.await().atMost(RunProcess.PATIENCE)
                .until(() -> new PidFile(dir.resolve(RunCommand.DEFAULT_PIDFILE)).pid().orElse(-1) == run.pid());
    }
}
