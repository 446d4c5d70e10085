package org.slowpoetry.defer;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class UnhandledErrorsTest {

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void observerReceivesTheReportOfACollectedFailedDeferred() throws InterruptedException {
        BlockingQueue<String> reports = new LinkedBlockingQueue<>();
        try (var observing = UnhandledErrors.observe(reports::add)) {
            dropAFailedDeferred();
            String report = null;
            while (report == null || !report.contains("observed-marker")) {
                System.gc();
                report = reports.poll(50, TimeUnit.MILLISECONDS);
            }
            assertTrue(report.startsWith("Unhandled error in Deferred:"), report);
        }
    }

    @Test
    void closingAnObservationRestoresWhatWasThereBefore() {
        Consumer<String> before = UnhandledErrors.current();
        Consumer<String> outer = s -> { };
        try (var o1 = UnhandledErrors.observe(outer)) {
            try (var o2 = UnhandledErrors.observe(s -> { })) {
                assertNotNull(UnhandledErrors.current());
            }
            assertSame(outer, UnhandledErrors.current());
        }
        assertSame(before, UnhandledErrors.current());
    }

    private static void dropAFailedDeferred() {
        Deferred.fail(new IllegalStateException("observed-marker"));
    }
}
