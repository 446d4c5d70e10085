package org.slowpoetry.servers.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PidFile}: what it says about another runner, and how it is written and removed. */
class PidFileTest {

    @TempDir
    Path dir;

    private PidFile pidFile() {
        return new PidFile(dir.resolve("test.pid"));
    }

    private PidFile holding(String content) throws IOException {
        Files.writeString(dir.resolve("test.pid"), content);
        return pidFile();
    }

    private static long alivePid() {
        return ProcessHandle.current().parent().orElseThrow().pid(); // the JVM that started the tests
    }

    @Test
    void noFileIsAbsent() throws IOException {
        assertEquals(new PidFileState.Absent(), pidFile().state());
    }

    @Test
    void aLivePidIsRunning() throws IOException {
        assertEquals(new PidFileState.Running(alivePid()), holding(alivePid() + "\n").state());
    }

    @Test
    void aPidThatIsNotRunningIsStale() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        assertEquals(new PidFileState.Stale("pid " + done.pid() + " is not running"), holding(done.pid() + "\n").state());
    }

    @Test
    void thisProcesssOwnPidIsStale() throws IOException {
        assertTrue(holding(ProcessHandle.current().pid() + "\n").state() instanceof PidFileState.Stale);
    }

    @Test
    void textThatIsNoPidIsStaleAndQuotedOnOneLine() throws IOException {
        assertEquals(new PidFileState.Stale("it holds 'twelve?', not a pid"), holding("twelve\u0007\n").state());
        assertEquals(new PidFileState.Stale("it holds '', not a pid"), holding("").state());
        assertEquals(new PidFileState.Stale("it holds '0', not a pid"), holding("0").state());
        assertTrue(holding("1".repeat(PidFile.MAX_BYTES + 1)).state() instanceof PidFileState.Stale, "too long");
    }

    @Test
    void writeCreatesTheFileWithThePidOnALine() throws IOException {
        pidFile().write(4242);
        assertEquals("4242\n", Files.readString(dir.resolve("test.pid")));
        assertEquals(OptionalLong.of(4242), pidFile().pid());
    }

    @Test
    void writeRefusesAFileThatAppearedMeanwhileNamingItsPid() throws IOException {
        PidFile file = holding("777\n");
        IOException e = assertThrows(IOException.class, () -> file.write(4242));
        assertTrue(e.getMessage().contains("appeared while starting: another slowpoetry run, pid 777, is using it"),
                e.getMessage());
        assertEquals("777\n", Files.readString(dir.resolve("test.pid")));
    }

    @Test
    void aRunnerDeletesOnlyAFileHoldingItsOwnPid() throws IOException {
        assertFalse(holding("777\n").deleteIfHolds(4242));
        assertTrue(Files.exists(dir.resolve("test.pid")));
        assertTrue(pidFile().deleteIfHolds(777));
        assertFalse(Files.exists(dir.resolve("test.pid")));
        assertFalse(pidFile().deleteIfHolds(777), "gone already");
    }
}
