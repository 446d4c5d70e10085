package org.slowpoetry.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.reactor.ManualEventLoop;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.reactor.ReactorThread;

/**
 * The reactor multi-service's own rule: a child's stop begins only once the previous child's stop
 * Deferred has fired, so the order holds for stops that take time; on a manual loop and on a real
 * reactor.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ReactorMultiServiceTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    private final ManualEventLoop loop = new ManualEventLoop();
    private final Journal journal = new Journal();

    /** Fills in with the stop's outcome: "stopped", or the Failure. */
    private static AtomicReference<Object> outcome(Deferred<Void> stop) {
        var outcome = new AtomicReference<Object>();
        stop.addBoth(result -> {
            outcome.set(result == null ? "stopped" : result);
            return null;
        });
        return outcome;
    }

    @Test
    void eachChildStopsOnlyOnceTheOneAfterItHasFinishedStopping() throws Exception {
        var top = new ReactorMultiService("top", loop);
        top.add(new SlowStop("poetry", loop, journal, SECOND));
        top.add(new SlowStop("tcp", loop, journal, SECOND));
        top.start();
        AtomicReference<Object> stopped = outcome(top.stop());
        assertEquals(List.of("start poetry", "start tcp", "stop tcp"), journal.entries());
        assertEquals(ServiceState.STOPPING, top.state());

        loop.advance(SECOND);
        assertEquals(List.of("start poetry", "start tcp", "stop tcp", "stopped tcp", "stop poetry"), journal.entries());
        assertNull(stopped.get(), "poetry is still stopping");

        loop.advance(SECOND);
        assertEquals("stopped", stopped.get());
        assertEquals(ServiceState.STOPPED, top.state());
    }

    @Test
    void everyCallerOfStopIsToldWhenTheOneStopHasEnded() throws Exception {
        var top = new ReactorMultiService("top", loop);
        top.add(new SlowStop("tcp", loop, journal, SECOND));
        top.start();
        AtomicReference<Object> first = outcome(top.stop());
        AtomicReference<Object> second = outcome(top.stop());
        loop.advance(SECOND);
        assertEquals("stopped", first.get());
        assertEquals("stopped", second.get());
        assertEquals(List.of("start tcp", "stop tcp", "stopped tcp"), journal.entries(), "one stop step");
        assertEquals("stopped", outcome(top.stop()).get(), "and a stop after the end, at once");
    }

    @Test
    void aStopThatFailsLaterStillLetsTheOthersStopAndFailsTheTopsStop() throws Exception {
        var top = new ReactorMultiService("top", loop);
        top.add(new SlowStop("poetry", loop, journal, SECOND));
        top.add(new SlowStop("tcp", loop, journal, SECOND, new IOException("socket stuck")));
        top.start();
        AtomicReference<Object> stopped = outcome(top.stop());
        loop.advance(SECOND);
        loop.advance(SECOND);
        assertEquals(List.of("start poetry", "start tcp", "stop tcp", "stop failed tcp", "stop poetry", "stopped poetry"),
                journal.entries());
        var failure = (org.slowpoetry.defer.Failure) stopped.get();
        assertEquals("tcp did not stop cleanly: socket stuck", failure.value().getMessage());
        assertEquals(ServiceState.STOPPED, top.state());
    }

    @Test
    void aNestedTreeThatFailsToStartIsStoppedBeforeTheParentsStopFires() throws Exception {
        var top = new ReactorMultiService("top", loop);
        top.add(new SlowStop("poetry", loop, journal, SECOND));
        var nested = top.add(new ReactorMultiService("poem-2", loop));
        nested.add(new SlowStop("poetry-2", loop, journal, SECOND));
        nested.add(ReactorService.of("tcp-2", loop, journal.failingStart("tcp-2", new IOException("busy"))));
        var e = assertThrows(ServiceException.class, top::start);
        assertEquals("cannot start tcp-2: busy", e.getMessage());

        AtomicReference<Object> cleanedUp = outcome(top.stop());
        loop.advance(SECOND);
        loop.advance(SECOND);
        assertEquals(List.of("start poetry", "start poetry-2", "start tcp-2",
                "stop poetry-2", "stopped poetry-2", "stop poetry", "stopped poetry"), journal.entries());
        assertEquals("stopped", cleanedUp.get());
    }

    @Test
    void startAndStopRunOnTheLoopOnly() throws Exception {
        try (var thread = ReactorThread.start(Reactor.open(), "services-test-reactor")) {
            Reactor reactor = thread.reactor();
            var top = new ReactorMultiService("top", reactor);
            top.add(new SlowStop("tcp", reactor, journal, Duration.ofMillis(50)));
            assertThrows(WrongThreadException.class, top::start);
            assertEquals(ServiceState.NEW, top.state());

            reactor.blockingCallFromThread(() -> {
                top.start();
                return null;
            });
            assertThrows(WrongThreadException.class, top::stop);
            var stopped = new CompletableFuture<Object>();
            reactor.callFromThread(() -> top.stop().addBoth(result -> {
                stopped.complete(result == null ? "stopped" : result);
                return null;
            }));
            assertEquals("stopped", stopped.get(5, TimeUnit.SECONDS), "fired on the loop, after the real delay");
            await().atMost(Duration.ofSeconds(5)).until(() -> top.state() == ServiceState.STOPPED);
            assertEquals(List.of("start tcp", "stop tcp", "stopped tcp"), journal.entries());
        }
    }
}
