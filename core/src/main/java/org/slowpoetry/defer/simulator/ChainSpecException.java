package org.slowpoetry.defer.simulator;

import java.io.Serial;

/**
 * A chain spec line the simulator cannot read: where (1-based line and column) and why, as one
 * line, e.g. {@code line 2, column 6: bad command: x}.
 *
 * <p><b>Threading:</b> immutable.
 */
public final class ChainSpecException extends IllegalArgumentException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String problem;

    public ChainSpecException(int line, int column, String problem) {
        super("line " + line + ", column " + column + ": " + problem);
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /** The 1-based line number. */
    public int line() {
        return line;
    }

    /** The 1-based column of the offending word, or just past the end of the line. */
    public int column() {
        return column;
    }

    /** What is wrong, without the position. */
    public String problem() {
        return problem;
    }
}
