package org.slowpoetry.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.slowpoetry.cli.ExitCodes;

/**
 * {@code get} as a real process whose stdout really fails: the operating system's own errors, as the
 * JDK reports them, reach the one mapping in {@code Main} ({@link FailingStdout} stands in for them
 * everywhere else). The server trickles a poem that would take hours, so only the fault can end
 * the run.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OutputFaultsProcessTest {
    /** 18 MB at 10 bytes every 2 ms. */
    private static final byte[] ENDLESS = TestPoems.poem("on and on", 400_000);

    @Test
    void aPipeWhoseReaderHasGoneEndsGetQuietlyWithTheExitCodeOfSigpipe() throws Exception {
        try (var server = TestServers.slow(ENDLESS, 10, Duration.ofMillis(2))) {
            Process get = new ProcessBuilder(slowpoetry("get", "--style", "select", "--max-poem", "1g",
                    TestServers.address(server).toString())).start();
            try {
                BufferedReader out = get.inputReader(StandardCharsets.UTF_8);
                String first = out.readLine();
                assertTrue(String.valueOf(first).matches("Task 1: got \\d+ bytes of poetry from .*"), first);
                out.close(); // as head -1 does: the next write finds no reader

                assertTrue(get.waitFor(30, TimeUnit.SECONDS), "get went on writing into a closed pipe");
                assertEquals(ExitCodes.OUTPUT_CLOSED, get.exitValue());
                assertEquals("", new String(get.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } finally {
                get.destroyForcibly().waitFor();
                get.getErrorStream().close();
            }
        }
    }

    @Test
    void aFullDiskIsOneLineOnStderrAndExitSeventyFour() throws Exception {
        try (var server = TestServers.slow(ENDLESS, 10, Duration.ofMillis(2))) {
            Process get = new ProcessBuilder(slowpoetry("get", "--style", "loom", TestServers.address(server).toString()))
                    .redirectOutput(new File("/dev/full")).start();
            try {
                assertTrue(get.waitFor(30, TimeUnit.SECONDS), "get went on writing to a full disk");
                assertEquals(ExitCodes.OUTPUT_FAILED, get.exitValue());
                assertEquals("slowpoetry get: cannot write to stdout: No space left on device\n",
                        new String(get.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } finally {
                get.destroyForcibly().waitFor();
                get.getErrorStream().close();
            }
        }
    }

    /** {@code slowpoetry ARGS} on this JVM's java and class path, as the launcher runs it. */
    private static List<String> slowpoetry(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-preview", "-cp", System.getProperty("java.class.path"), "org.slowpoetry.cli.Main"));
        command.addAll(List.of(args));
        return command;
    }
}
