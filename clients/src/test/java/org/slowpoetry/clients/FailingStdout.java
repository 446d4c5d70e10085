package org.slowpoetry.clients;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.slowpoetry.cli.CheckedOutput;

/**
 * A command's stdout on which every write fails, the way the JDK reports it for a pipe whose reader
 * has gone or for a full disk, in place of the real one ({@link CommandLineRun#printingTo}).
 * {@code OutputFaultsProcessTest} checks the real ones, in a real process.
 *
 * <p><b>Threading:</b> stateless; what it makes is as thread-safe as {@link CheckedOutput}.
 */
final class FailingStdout {
    /** What the JDK says for {@code EPIPE}: the reader has gone. */
    static final String CLOSED_PIPE = "Broken pipe";
    /** What the JDK says for {@code ENOSPC}. */
    static final String FULL_DISK = "No space left on device";

    private FailingStdout() {
    }

    /** A checked stdout whose every write fails with {@code error}. */
    static CheckedOutput failingWith(String error) {
        return new CheckedOutput(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException(error);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                throw new IOException(error);
            }
        }, StandardCharsets.UTF_8);
    }
}
