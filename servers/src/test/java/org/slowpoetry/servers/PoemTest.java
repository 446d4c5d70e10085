package org.slowpoetry.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.slowpoetry.cli.UserException;

/**
 * Loading a poem file: what the CLI shows of it is in {@code faults.ServeBadInputTest}; here, the
 * bound on the read itself, which no reported size can talk round.
 */
class PoemTest {

    @TempDir
    Path dir;

    @Test
    void aPoemIsReadWholeAndNamedByItsPath() throws Exception {
        Path file = Files.writeString(dir.resolve("poem.txt"), "Roses are red,\n");
        Poem poem = Poem.load(file);
        assertEquals(file.toString(), poem.source());
        assertEquals("Roses are red,\n", new String(poem.bytes(), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aFileThatReportsNoSizeIsReadButNoFurtherThanTheLimit() {
        Path status = Path.of("/proc/self/status"); // size 0, yet a kilobyte or so to read
        assertTrue(Poem.load(status).size() > 100);
        var e = assertThrows(UserException.class, () -> Poem.load(status, 100));
        assertEquals("poem '/proc/self/status' is too large: more than 100 bytes, and a server holds at most 100",
                e.getMessage());
    }

    @Test
    void aFileOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        Path file = Files.write(dir.resolve("poem.bin"), new byte[101]);
        var e = assertThrows(UserException.class, () -> Poem.load(file, 100));
        assertEquals("poem '" + file + "' is too large: 101 bytes, and a server holds at most 100", e.getMessage());
    }
}
