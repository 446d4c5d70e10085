package org.slowpoetry.clients.reactor.protocol;

import java.util.Arrays;
import org.slowpoetry.clients.PoetryLines;

/**
 * {@code get --show-stack}: prints the call stack the first time any connection receives bytes,
 * as Part 5's {@code get-poetry-stack.py} does, so the reader sees what calls
 * {@code dataReceived}: the reactor's loop, its selector, the transport's {@code doRead}, "the
 * doRead callback we used in client 1.0!". (The text's version then exits; this one carries on.)
 *
 * <p><b>Threading:</b> reactor thread only (one per fetch, shared by its sinks).
 */
final class FirstReadStack {
    private final PoetryLines lines;
    /** Written and read on the reactor thread. */
    private boolean shown;

    FirstReadStack(PoetryLines lines) {
        this.lines = lines;
    }

    /** Prints the caller's stack, the first time only. */
    void showOnce() {
        if (shown) {
            return;
        }
        shown = true;
        StackTraceElement[] stack = Thread.currentThread().getStackTrace();
        // drop getStackTrace and showOnce themselves: the stack ends at the sink's chunk
        lines.callStack("the first dataReceived", Arrays.copyOfRange(stack, 2, stack.length));
    }
}
