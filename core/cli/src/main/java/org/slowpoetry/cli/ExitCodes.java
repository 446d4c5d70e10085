package org.slowpoetry.cli;

/** The exit codes every {@code slowpoetry} command uses. */
public final class ExitCodes {
    /** Everything asked for was done. */
    public static final int OK = 0;
    /** The command ran, but some of its work failed (a poem could not be fetched). */
    public static final int SOME_FAILED = 1;
    /** Bad input: an option, an argument, a file; also picocli's code for usage errors. */
    public static final int USAGE = 2;
    /** A bug or an environment failure we did not foresee ({@code EX_SOFTWARE}). */
    public static final int INTERNAL = 70;
    /**
     * The output could not be written ({@code EX_IOERR}): stdout is a full disk, say
     * ({@code get ... > /dev/full}). One line on stderr says why ({@link OutputFault.WriteFailed}).
     */
    public static final int OUTPUT_FAILED = 74;
    /**
     * The output's reader went away: stdout is a pipe whose other end was closed
     * ({@code get ... | head -1}; {@link OutputFault.ReaderGone}). Nothing is printed, as for a
     * program that SIGPIPE kills, and the code is the one a shell reports for that program: 128 + 13
     * (SIGPIPE), so {@code set -o pipefail} sees the same as for {@code yes | head -1}.
     */
    public static final int OUTPUT_CLOSED = 141;

    private ExitCodes() {
    }
}
