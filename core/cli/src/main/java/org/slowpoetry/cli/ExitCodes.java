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

    private ExitCodes() {
    }
}
