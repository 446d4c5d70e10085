package org.slowpoetry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {

    @TempDir
    Path dir;

    @Test
    void utf8TextUpToTheLimitIsReadWhole() throws IOException {
        Path file = Files.writeString(dir.resolve("chain.txt"), "r good f bad\nf ünïcode p\n");
        int size = (int) Files.size(file);
        assertEquals("r good f bad\nf ünïcode p\n", InputFiles.readText(file, "chain file", size));
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("missing.txt");
        assertEquals("cannot read chain file '" + missing + "': no such file", problem(missing, 100));
    }

    @Test
    void aDirectoryIsNamed() {
        assertEquals("cannot read chain file '" + dir + "': it is a directory", problem(dir, 100));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void anUnreadableFileIsNamed() throws IOException {
        Path locked = Files.writeString(dir.resolve("locked.txt"), "r a f b\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("-w-------"));
        assumeFalse(Files.isReadable(locked), "root reads any file: nothing to prove");
        assertEquals("cannot read chain file '" + locked + "': permission denied", problem(locked, 100));
    }

    @Test
    void aFileOneBytePastTheLimitIsRefused() throws IOException {
        Path big = Files.write(dir.resolve("big.txt"), "x".repeat(1025).getBytes(StandardCharsets.US_ASCII));
        assertEquals("cannot read chain file '" + big + "': larger than 1k, too large for a chain file",
                problem(big, 1024));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void anEndlessDeviceIsCutAtTheLimit() {
        Path zero = Path.of("/dev/zero");
        assertEquals("cannot read chain file '/dev/zero': larger than 64k, too large for a chain file",
                problem(zero, 64 << 10));
    }

    @Test
    void aBinaryFileIsNotUtf8TextAndTheFirstBadByteIsNamed() throws IOException {
        Path binary = Files.write(dir.resolve("a.out"), new byte[] {'E', 'L', 'F', (byte) 0xC3, (byte) 0x28, 0});
        assertEquals("cannot read chain file '" + binary + "': not UTF-8 text (byte 3 is not; a binary file?)",
                problem(binary, 100));
    }

    @Test
    void aCharacterCutShortAtTheEndIsNotUtf8Text() throws IOException {
        Path cut = Files.write(dir.resolve("cut.txt"), new byte[] {'o', 'k', (byte) 0xE2, (byte) 0x82});
        assertEquals("cannot read chain file '" + cut + "': not UTF-8 text (byte 2 is not; a binary file?)",
                problem(cut, 100));
    }

    @Test
    void aBoundedStreamGivesUpToTheLimitAndThrowsAtTheReadPastIt() throws IOException {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
        InputStream in = InputFiles.bounded(endless, "standard input", "chain", 1024);
        assertEquals(1024, in.readNBytes(1024).length);
        var e = assertThrows(UserException.class, in::read);
        assertEquals("cannot read standard input: larger than 1k, too large for a chain", e.getMessage());
    }

    private static String problem(Path file, int maxBytes) {
        var e = assertThrows(UserException.class, () -> InputFiles.readText(file, "chain file", maxBytes));
        assertEquals(ExitCodes.USAGE, e.exitCode());
        return e.getMessage();
    }
}
