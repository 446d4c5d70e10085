package org.slowpoetry.servers.run;

/**
 * What a pid file says when the runner looks at it before starting: {@link PidFile#state()}.
 *
 * <p><b>Threading:</b> immutable.
 */
sealed interface PidFileState {

    /** There is no pid file: nothing runs with it. */
    record Absent() implements PidFileState {
    }

    /** The file names a process that is alive: another runner is using it. */
    record Running(long pid) implements PidFileState {
    }

    /**
     * The file is left over from a runner that did not remove it (killed, crashed): the process it
     * names is gone, or it names none.
     *
     * @param why for the log line: {@code pid 4242 is not running}, {@code it holds 'x', not a pid}
     */
    record Stale(String why) implements PidFileState {
    }
}
