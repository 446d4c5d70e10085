package org.slowpoetry.trial;

import java.util.Arrays;
import java.util.List;

/**
 * Where a thread is, in a form a failure message can show: its state and the frame that places
 * it, the topmost of its own code's (a thread parked in the JDK was parked by some code of the
 * test's), or the top one if every frame is the JDK's.
 *
 * <p><b>Threading:</b> stateless; any thread.
 */
final class Threads {

    private Threads() {
    }

    /** {@code WAITING in org.example.Server.serve(Server.java:42)}. */
    static String where(Thread thread) {
        return place(thread.getState().name(), Arrays.stream(thread.getStackTrace()).map(String::valueOf).toList());
    }

    /** {@code STATE in frame}, from frames written as {@link StackTraceElement#toString()} does, top first. */
    static String place(String state, List<String> frames) {
        String where = frames.stream().filter(f -> !isJdk(f)).findFirst()
                .orElse(frames.isEmpty() ? null : frames.getFirst());
        return state + (where == null ? "" : " in " + where);
    }

    private static boolean isJdk(String frame) {
        return frame.startsWith("java.") || frame.startsWith("jdk.");
    }
}
