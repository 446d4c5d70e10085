package org.slowpoetry.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A text file named on the command line ({@code simulate --file F}, {@code bench load --from F}),
 * read whole, bounded, as UTF-8. Every way the file can be wrong is a {@link UserException} of one
 * line that names the file and the problem, so a command never shows a user an
 * {@code IOException}:
 *
 * <pre>
 * cannot read chain file 'x.txt': no such file
 * cannot read chain file 'x.txt': permission denied
 * cannot read chain file 'poems': it is a directory
 * cannot read chain file '/dev/zero': larger than 1m, too large for a chain file
 * cannot read chain file 'a.out': not UTF-8 text (byte 24 is not; a binary file?)
 * </pre>
 *
 * {@snippet :
 * String text = InputFiles.readText(file, "chain file", 1 << 20);
 * }
 *
 * <p>The bound is on what is read, not on what the file system says the size is, so a pipe or a
 * device ({@code /dev/zero}) is cut off at it too; {@link #bounded} bounds a stream read bit by bit
 * (standard input) the same way.
 *
 * <p><b>Threading:</b> stateless; {@link #readText} blocks the calling thread while it reads; a
 * {@link #bounded} stream belongs to the thread that reads it.
 */
public final class InputFiles {
    private InputFiles() {
    }

    /**
     * The text of {@code path}, strictly UTF-8.
     *
     * @param what     what the file is, for the message: {@code chain file}
     * @param maxBytes the most bytes accepted
     * @throws UserException (exit code {@link ExitCodes#USAGE}) if the file cannot be read, is
     *     larger than {@code maxBytes}, or is not UTF-8
     */
    public static String readText(Path path, String what, int maxBytes) {
        String cannot = "cannot read " + what + " '" + path + "': ";
        byte[] bytes;
        if (Files.isDirectory(path)) {
            throw new UserException(cannot + "it is a directory");
        }
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (NoSuchFileException e) {
            throw new UserException(cannot + "no such file", e);
        } catch (AccessDeniedException e) {
            throw new UserException(cannot + "permission denied", e);
        } catch (IOException e) {
            throw new UserException(cannot + UserErrors.oneLine(String.valueOf(e.getMessage())), e);
        }
        if (bytes.length > maxBytes) {
            throw new UserException(cannot + "larger than " + ByteSize.format(maxBytes) + ", too large for a " + what);
        }
        return decode(bytes, cannot);
    }

    /**
     * {@code in}, cut off after {@code maxBytes}: the read that would pass them throws a
     * {@link UserException}, {@code cannot read standard input: larger than 1m, too large for a chain}.
     *
     * @param name what {@code in} is, for the message: {@code standard input}
     * @param what what it should hold: {@code chain}
     */
    public static InputStream bounded(InputStream in, String name, String what, int maxBytes) {
        return new FilterInputStream(in) {
            /** Bytes read so far; the reading thread's. */
            private long count;

            @Override
            public int read() throws IOException {
                int b = super.read();
                counted(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                int n = super.read(bytes, offset, length);
                counted(Math.max(n, 0));
                return n;
            }

            private void counted(int n) {
                count += n;
                if (count > maxBytes) {
                    throw new UserException("cannot read " + name + ": larger than " + ByteSize.format(maxBytes)
                            + ", too large for a " + what);
                }
            }
        };
    }

    /** {@code bytes} as UTF-8, or the offset of the first byte that is not. */
    private static String decode(byte[] bytes, String cannot) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = utf8.decode(in, out, true);
        if (!result.isError()) {
            result = utf8.flush(out);
        }
        if (result.isError()) {
            throw new UserException(cannot + "not UTF-8 text (byte " + in.position() + " is not; a binary file?)");
        }
        return out.flip().toString();
    }
}
