package org.slowpoetry.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slowpoetry.reactor.ManualEventLoop;

/**
 * Both multi-services: children start in the order they were added and stop in reverse; a failed
 * start stops what had started; a failed stop stops the rest all the same and loses no failure.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class MultiServiceOrderTest {

    private final ManualEventLoop loop = new ManualEventLoop();
    private final Journal journal = new Journal();

    private Service[] children(Kind kind, String... names) {
        return Arrays.stream(names).map(n -> kind.of(n, journal.steps(n), loop)).toArray(Service[]::new);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void childrenStartInOrderAndStopInReverse(Kind kind) throws Exception {
        Service top = kind.multi("top", loop, children(kind, "poetry", "tcp-10000", "tcp-10001"));
        kind.start(top, loop);
        kind.stop(top, loop);
        assertEquals(List.of("start poetry", "start tcp-10000", "start tcp-10001",
                "stop tcp-10001", "stop tcp-10000", "stop poetry"), journal.entries());
        assertEquals(ServiceState.STOPPED, top.state());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void nestedMultiServicesKeepTheOrderAtEveryLevel(Kind kind) throws Exception {
        Service first = kind.multi("poem-1", loop, children(kind, "poetry-1", "tcp-1"));
        Service second = kind.multi("poem-2", loop, children(kind, "poetry-2", "tcp-2"));
        Service top = kind.multi("top", loop, first, second);
        kind.start(top, loop);
        kind.stop(top, loop);
        assertEquals(List.of("start poetry-1", "start tcp-1", "start poetry-2", "start tcp-2",
                "stop tcp-2", "stop poetry-2", "stop tcp-1", "stop poetry-1"), journal.entries());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFailedStartStopsTheStartedChildrenInReverseAndNamesTheFailingChild(Kind kind) throws Exception {
        var why = new IOException("Address already in use");
        Service top = kind.multi("top", loop, kind.of("poetry", journal.steps("poetry"), loop),
                kind.of("cache", journal.steps("cache"), loop),
                kind.of("tcp-10000", journal.failingStart("tcp-10000", why), loop),
                kind.of("never", journal.steps("never"), loop));
        var e = assertThrows(ServiceException.class, () -> kind.start(top, loop));
        assertEquals("cannot start tcp-10000: Address already in use", e.getMessage());
        assertEquals("tcp-10000", e.service());
        assertSame(why, e.getCause());
        kind.stop(top, loop); // waits for the clean-up (the reactor kind); a no-op for the Loom kind
        assertEquals(List.of("start poetry", "start cache", "start tcp-10000", "stop cache", "stop poetry"),
                journal.entries());
        assertEquals(ServiceState.FAILED, top.state());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFailingStopDoesNotKeepTheOthersFromStoppingAndEveryFailureIsKept(Kind kind) throws Exception {
        var first = new IOException("first");
        var second = new IOException("second");
        Service top = kind.multi("top", loop, kind.of("a", journal.failingStop("a", second), loop),
                kind.of("b", journal.steps("b"), loop),
                kind.of("c", journal.failingStop("c", first), loop));
        kind.start(top, loop);
        var e = assertThrows(ServiceException.class, () -> kind.stop(top, loop));
        assertEquals(List.of("start a", "start b", "start c", "stop c", "stop b", "stop a"), journal.entries());
        assertEquals("c did not stop cleanly: first", e.getMessage(), "the first failure, in stop order");
        assertSame(first, e.getCause());
        assertEquals(1, e.getSuppressed().length);
        var suppressed = (ServiceException) e.getSuppressed()[0];
        assertEquals("a did not stop cleanly: second", suppressed.getMessage());
        assertEquals(ServiceState.STOPPED, top.state());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theTreeIsBuiltBeforeItStarts(Kind kind) throws Exception {
        Service top = kind.multi("top", loop, children(kind, "a"));
        kind.start(top, loop);
        var e = assertThrows(IllegalStateException.class, () -> Kind.add(top, kind.of("b", journal.steps("b"), loop)));
        assertEquals("cannot add b to top: it is RUNNING (build the tree before starting it)", e.getMessage());
        kind.stop(top, loop);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aChildHasOneParentAndSiblingsHaveDistinctNames(Kind kind) {
        Service child = kind.of("a", journal.steps("a"), loop);
        Service top = kind.multi("top", loop, child);
        var twice = assertThrows(IllegalStateException.class, () -> kind.multi("other", loop, child));
        assertEquals("a already belongs to top", twice.getMessage());
        var sameName = assertThrows(IllegalStateException.class, () -> Kind.add(top, kind.of("a", journal.steps("a"), loop)));
        assertEquals("top already has a service named a", sameName.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aServiceStartedOnItsOwnCannotBeAdded(Kind kind) throws Exception {
        Service child = kind.of("a", journal.steps("a"), loop);
        kind.start(child, loop);
        var e = assertThrows(IllegalStateException.class, () -> kind.multi("top", loop, child));
        assertEquals("cannot add a to top: it is RUNNING (a parent starts its children)", e.getMessage());
        kind.stop(child, loop);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aChildStartedByHandAfterBeingAddedFailsTheStartAndLeavesNoSiblingRunning(Kind kind) throws Exception {
        Service byHand = kind.of("tcp-10000", journal.steps("tcp-10000"), loop);
        Service top = kind.multi("top", loop, kind.of("poetry", journal.steps("poetry"), loop), byHand);
        kind.start(byHand, loop); // misuse: the parent starts its children
        var e = assertThrows(ServiceException.class, () -> kind.start(top, loop));
        assertInstanceOf(IllegalStateException.class, e.getCause());
        kind.stop(top, loop);
        kind.stop(byHand, loop);
        assertEquals(List.of("start tcp-10000", "start poetry", "stop poetry", "stop tcp-10000"), journal.entries());
        assertEquals(ServiceState.FAILED, top.state());
    }
}
