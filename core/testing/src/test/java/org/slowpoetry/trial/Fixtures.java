package org.slowpoetry.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs a fixture, a test class written to pass or fail under an extension, inside a test, with
 * JUnit's {@link EngineTestKit}, and tells how its one test ended. Fixtures are static nested
 * classes, which surefire does not run by itself.
 *
 * <p><b>Threading:</b> the calling test's thread runs the fixture, as JUnit would.
 */
final class Fixtures {

    private Fixtures() {
    }

    /** How the one test of {@code fixture} ended. */
    static TestExecutionResult resultOf(Class<?> fixture) {
        List<TestExecutionResult> results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(fixture))
                .execute()
                .testEvents().finished()
                .map(event -> event.getPayload(TestExecutionResult.class).orElseThrow())
                .toList();
        assertEquals(1, results.size(), () -> "a fixture holds one test: " + fixture.getName());
        return results.getFirst();
    }

    /** What the one test of {@code fixture} failed with; an assertion error if it did not fail. */
    static Throwable failureOf(Class<?> fixture) {
        TestExecutionResult result = resultOf(fixture);
        if (result.getStatus() != TestExecutionResult.Status.FAILED) {
            throw new AssertionError(fixture.getSimpleName() + " was to fail, and ended " + result.getStatus());
        }
        return result.getThrowable().orElseThrow();
    }

    /** What {@code fixture} itself failed with, before any of its tests ran ({@code @BeforeAll}, say). */
    static Throwable classFailureOf(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(fixture))
                .execute()
                .containerEvents().failed()
                .map(event -> event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow())
                .findFirst()
                .orElseThrow(() -> new AssertionError(fixture.getSimpleName() + " was to fail as a class, and did not"));
    }

    /** Fails unless the one test of {@code fixture} passed, with its failure as the cause. */
    static void assertPasses(Class<?> fixture) {
        TestExecutionResult result = resultOf(fixture);
        if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            throw new AssertionError(fixture.getSimpleName() + " was to pass, and ended " + result.getStatus(),
                    result.getThrowable().orElse(null));
        }
    }
}
