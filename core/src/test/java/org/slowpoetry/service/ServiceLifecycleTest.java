package org.slowpoetry.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slowpoetry.reactor.ManualEventLoop;

/**
 * The rules every service keeps, whatever its kind (exercise 15.3): one start, a stop only after
 * it, stops that may be repeated, failures that leave a final state and name the service.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ServiceLifecycleTest {

    private final ManualEventLoop loop = new ManualEventLoop();
    private final Journal journal = new Journal();

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aServiceIsNewUntilStartedThenRunningThenStopped(Kind kind) throws Exception {
        Service service = kind.of("poetry", journal.steps("poetry"), loop);
        assertEquals(ServiceState.NEW, service.state());
        kind.start(service, loop);
        assertEquals(ServiceState.RUNNING, service.state());
        kind.stop(service, loop);
        assertEquals(ServiceState.STOPPED, service.state());
        assertEquals(List.of("start poetry", "stop poetry"), journal.entries());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSecondStartThrowsNamingTheServiceAndRunsNoStep(Kind kind) throws Exception {
        Service service = kind.of("poetry", journal.steps("poetry"), loop);
        kind.start(service, loop);
        var e = assertThrows(IllegalStateException.class, () -> kind.start(service, loop));
        assertEquals("poetry cannot start: it is RUNNING (a service starts once)", e.getMessage());
        kind.stop(service, loop);
        assertThrows(IllegalStateException.class, () -> kind.start(service, loop), "nor after its stop");
        assertEquals(List.of("start poetry", "stop poetry"), journal.entries());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void stopBeforeStartThrows(Kind kind) {
        Service service = kind.of("poetry", journal.steps("poetry"), loop);
        var e = assertThrows(IllegalStateException.class, () -> kind.stop(service, loop));
        assertEquals("poetry cannot stop: it is NEW (start it first)", e.getMessage());
        assertEquals(ServiceState.NEW, service.state());
        assertEquals(List.of(), journal.entries());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void stopIsIdempotentTheStepRunsOnce(Kind kind) throws Exception {
        Service service = kind.of("poetry", journal.steps("poetry"), loop);
        kind.start(service, loop);
        kind.stop(service, loop);
        kind.stop(service, loop);
        assertEquals(ServiceState.STOPPED, service.state());
        assertEquals(List.of("start poetry", "stop poetry"), journal.entries());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFailedStartLeavesTheServiceFailedWithAMessageNamingItAndTheReason(Kind kind) throws Exception {
        var why = new IOException("poem 'missing.txt' not found");
        Service service = kind.of("poetry", journal.failingStart("poetry", why), loop);
        var e = assertThrows(ServiceException.class, () -> kind.start(service, loop));
        assertEquals("cannot start poetry: poem 'missing.txt' not found", e.getMessage());
        assertEquals("poetry", e.service());
        assertSame(why, e.getCause());
        assertEquals(ServiceState.FAILED, service.state());
        assertTrue(service.state().isFinal());
        kind.stop(service, loop); // nothing to stop: a no-op, not an error
        assertEquals(ServiceState.FAILED, service.state());
        assertEquals(List.of("start poetry"), journal.entries(), "a failed start is not stopped");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFailureWithoutAMessageIsNamedByItsType(Kind kind) {
        Service service = kind.of("poetry", journal.failingStart("poetry", new IllegalStateException()), loop);
        var e = assertThrows(ServiceException.class, () -> kind.start(service, loop));
        assertEquals("cannot start poetry: IllegalStateException", e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFailedStopNamesTheServiceAndLeavesItStopped(Kind kind) throws Exception {
        var why = new IOException("cache file is read-only");
        Service service = kind.of("cache", journal.failingStop("cache", why), loop);
        kind.start(service, loop);
        var e = assertThrows(ServiceException.class, () -> kind.stop(service, loop));
        assertEquals("cache did not stop cleanly: cache file is read-only", e.getMessage());
        assertEquals("cache", e.service());
        assertSame(why, e.getCause());
        assertEquals(ServiceState.STOPPED, service.state(), "what could be stopped was");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aServiceNeedsAName(Kind kind) {
        var e = assertThrows(IllegalArgumentException.class, () -> kind.of(" ", journal.steps("x"), loop));
        assertEquals("a service needs a name", e.getMessage());
    }
}
