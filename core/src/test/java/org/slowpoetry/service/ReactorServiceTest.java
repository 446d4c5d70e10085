package org.slowpoetry.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.reactor.ManualEventLoop;

/** The reactor kind's own rules: a stop is over when its Deferred fires, not when stop() returns. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ReactorServiceTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    private final ManualEventLoop loop = new ManualEventLoop();
    private final Journal journal = new Journal();

    @Test
    void aServiceIsStoppingUntilItsStopDeferredFires() throws Exception {
        var service = new SlowStop("tcp", loop, journal, SECOND);
        service.start();
        var stopped = new AtomicReference<Object>();
        service.stop().addBoth(result -> {
            stopped.set("fired");
            return null;
        });
        assertEquals(ServiceState.STOPPING, service.state());
        assertNull(stopped.get());
        loop.advance(SECOND);
        assertEquals(ServiceState.STOPPED, service.state());
        assertEquals("fired", stopped.get());
    }

    @Test
    void aStopAfterAFailedStartWaitsForTheStartsCleanUp() throws Exception {
        var service = new ReactorService("half-started", loop) {
            @Override
            protected void onStart() throws IOException {
                journal.add("start");
                throw new IOException("second port busy");
            }

            @Override
            protected Deferred<Void> onStartFailed() {
                var done = new Deferred<Void>();
                loop.callLater(SECOND, () -> {
                    journal.add("cleaned up");
                    done.callback(null);
                });
                return done;
            }
        };
        var e = assertThrows(ServiceException.class, service::start);
        assertEquals("cannot start half-started: second port busy", e.getMessage());
        assertEquals(ServiceState.FAILED, service.state());
        var stopped = new AtomicReference<Object>();
        service.stop().addBoth(result -> {
            stopped.set("fired");
            return null;
        });
        assertNull(stopped.get(), "the clean-up is still going");
        loop.advance(SECOND);
        assertEquals("fired", stopped.get());
        assertEquals(List.of("start", "cleaned up"), journal.entries());
    }

    @Test
    void aCleanUpThatThrowsStillEndsTheFailedStartAndALaterStopFiresWithIt() throws Exception {
        var service = new ReactorService("half-started", loop) {
            @Override
            protected void onStart() throws IOException {
                throw new IOException("second port busy");
            }

            @Override
            protected Deferred<Void> onStartFailed() {
                throw new IllegalStateException("the first port would not close");
            }
        };
        var e = assertThrows(ServiceException.class, service::start);
        assertEquals("cannot start half-started: second port busy", e.getMessage());
        var outcome = new AtomicReference<Object>();
        service.stop().addBoth(result -> {
            outcome.set(result);
            return null;
        });
        var failure = assertInstanceOf(org.slowpoetry.defer.Failure.class, outcome.get(), "the stop never fired");
        assertEquals("half-started did not stop cleanly: the first port would not close", failure.value().getMessage());
    }
}
