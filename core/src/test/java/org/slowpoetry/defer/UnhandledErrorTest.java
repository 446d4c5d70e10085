package org.slowpoetry.defer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** "Unhandled error in Deferred:" (Parts 9 and 18), in the spirit of Twisted's {@code LogTests}. */
class UnhandledErrorTest {
    private final Queue<String> reports = new ConcurrentLinkedQueue<>();
    private Consumer<String> originalSink;

    @BeforeEach
    void captureReports() {
        originalSink = UnhandledFailure.sink;
        UnhandledFailure.sink = reports::add;
    }

    @AfterEach
    void restoreSink() {
        UnhandledFailure.sink = originalSink;
    }

    @Test
    @Timeout(60)
    void aGarbageCollectedDeferredWithAFailureLogsItsTraceback() {
        // defer-unhandled: the message comes when the Deferred is collected, after "Finished"
        String marker = "oops-" + System.nanoTime();
        fireAndDrop(marker);
        await().atMost(Duration.ofSeconds(50)).pollInterval(Duration.ofMillis(50)).until(() -> {
            System.gc();
            return reports.stream().anyMatch(r -> r.contains(marker));
        });
        String report = reports.stream().filter(r -> r.contains(marker)).findFirst().orElseThrow();
        assertTrue(report.startsWith("Unhandled error in Deferred:\n"), report);
        assertTrue(report.contains("java.lang.IllegalStateException: " + marker), report);
        assertTrue(report.contains("fireAndDrop"), "the traceback shows where it was raised:\n" + report);
    }

    /** A Deferred whose only callback throws; no reference to it survives this method. */
    private static void fireAndDrop(String marker) {
        Deferred<String> d = new Deferred<>();
        d.addCallback(r -> {
            throw new IllegalStateException(marker);
        });
        d.callback("x");
    }

    @Test
    void aFailureLeftByTheLastCallbackIsTracked() {
        Deferred<String> d = new Deferred<>();
        d.addCallback(r -> {
            throw new IllegalStateException("left over");
        });
        d.callback("x");
        assertNotNull(d.unhandledFailure());
    }

    @Test
    void aHandledFailureIsNotTracked() {
        Deferred<String> d = new Deferred<>();
        d.errback(new IllegalStateException("x"));
        assertNotNull(d.unhandledFailure());
        d.addErrback(f -> null);
        assertNull(d.unhandledFailure());
    }

    @Test
    void aFailureTakenOverByAnOuterDeferredIsReportedOnlyThere() {
        // test_chainedErrorCleanup
        Deferred<String> inner = Deferred.fail(new RuntimeException("zoop"));
        Deferred<String> outer = new Deferred<>();
        outer.addCallback(r -> inner);
        outer.callback(null);
        assertNull(inner.unhandledFailure());
        assertSame(RuntimeException.class, outer.unhandledFailure().type());
    }

    @Test
    void anErrbackThatChainsToAnotherDeferredClearsTheFailure() {
        // test_errorClearedByChaining
        Deferred<String> bad = Deferred.fail(new Exception("oh no"));
        Deferred<String> good = new Deferred<>();
        bad.addErrback(f -> good);
        assertNull(bad.unhandledFailure());
        assertNull(good.unhandledFailure());
    }

    @Test
    void aDeferredListWithoutConsumeErrorsLeavesTheFailureInTheMember() {
        // deferred-list-6 versus -5
        Deferred<String> d1 = new Deferred<>();
        Deferred<String> d2 = new Deferred<>();
        DeferredList.of(List.of(d1, d2));
        d1.callback("d1 result");
        d2.errback(new Exception("d2 failure"));
        assertNotNull(d2.unhandledFailure());
    }
}
