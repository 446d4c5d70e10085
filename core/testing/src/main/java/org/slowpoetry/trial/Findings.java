package org.slowpoetry.trial;

import java.util.ArrayList;
import java.util.List;

/**
 * What the checks after a test found, reported as one failure: the first problem, with the others
 * attached to it as suppressed exceptions (JUnit prints them all).
 *
 * <p><b>Threading:</b> one test's thread.
 */
final class Findings {

    /** A check that reports a problem by throwing an {@link AssertionError}. */
    @FunctionalInterface
    interface Check {
        void run() throws Exception;
    }

    private final List<AssertionError> problems = new ArrayList<>();

    void add(AssertionError problem) {
        problems.add(problem);
    }

    /** Runs {@code check}, keeping the problem it reports. */
    void check(Check check) throws Exception {
        try {
            check.run();
        } catch (AssertionError problem) {
            problems.add(problem);
        }
    }

    /** Whether no check has found a problem so far. */
    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Throws the first problem, the others suppressed in it; returns if there is none. */
    void throwIfAny() {
        if (!problems.isEmpty()) {
            AssertionError first = problems.getFirst();
            problems.subList(1, problems.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    /**
     * How a failed cleanup ({@link Trial#addCleanup}, {@link LoomTestScope#addCleanup}) fails the
     * test: an assertion a cleanup made as it is, anything else named.
     */
    static AssertionError cleanupFailed(String test, Throwable failure) {
        return failure instanceof AssertionError assertion ? assertion
                : new AssertionError("a cleanup of " + test + " failed: " + failure, failure);
    }

    /** {@code heading}, then each line on a line of its own, indented: a failure message. */
    static String lines(String heading, List<String> lines) {
        String indent = System.lineSeparator() + "  ";
        return heading + indent + String.join(indent, lines);
    }
}
