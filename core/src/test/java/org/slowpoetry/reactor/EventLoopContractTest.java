package org.slowpoetry.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.InlineCallbacks;

/**
 * The rule of {@link EventLoop}'s Threading paragraph, proved once against every implementation:
 * loop-only methods work on the loop's own thread and in code holding the loop (an
 * inline-callbacks body, or any {@link LoopOwnership#runHolding}), and throw
 * {@link WrongThreadException} everywhere else. The test thread owns each loop: it drives a
 * {@link ManualEventLoop}, and it configures a {@link Reactor} it opened and has not run (a running
 * reactor's thread is covered by {@code InlineBodyOnReactorTest}).
 */
@Timeout(10)
class EventLoopContractTest {
    /** The loops a test made, closed after it; test thread only. */
    private final List<EventLoop> made = new ArrayList<>();

    /** Every implementation of the sealed {@link EventLoop}, each made on the calling thread. */
    static Stream<Named<Callable<EventLoop>>> loops() {
        return Stream.of(
                Named.of("Reactor", Reactor::open),
                Named.of("ManualEventLoop", ManualEventLoop::new));
    }

    @AfterEach
    void closeLoops() {
        made.stream().filter(Reactor.class::isInstance).forEach(loop -> ((Reactor) loop).close());
    }

    @Test
    void theContractRunsAgainstEveryEventLoop() throws Exception {
        Set<Class<?>> tested = new HashSet<>();
        for (Named<Callable<EventLoop>> named : loops().toList()) {
            tested.add(make(named.getPayload()).getClass());
        }
        assertEquals(Set.of(EventLoop.class.getPermittedSubclasses()), tested);
    }

    @ParameterizedTest
    @MethodSource("loops")
    void theOwningThreadIsInTheLoopAndMayCallLater(Callable<EventLoop> kind) throws Exception {
        EventLoop loop = make(kind);
        assertTrue(loop.inEventLoop());
        assertTrue(loop.callLater(Duration.ofSeconds(1), () -> { }).active());
    }

    @ParameterizedTest
    @MethodSource("loops")
    void anUnrelatedThreadIsNotInTheLoopAndItsLoopOnlyCallsThrow(Callable<EventLoop> kind) throws Exception {
        EventLoop loop = make(kind);
        assertEquals(false, onAnotherThread(loop::inEventLoop));
        assertInstanceOf(WrongThreadException.class,
                onAnotherThread(() -> loop.callLater(Duration.ofSeconds(1), () -> { })));
    }

    @ParameterizedTest
    @MethodSource("loops")
    void anInlineCallbacksBodyHoldsTheLoopBeforeAndAfterAnAwait(Callable<EventLoop> kind) throws Exception {
        EventLoop loop = make(kind);
        Deferred<String> fired = new Deferred<>();
        Deferred<List<Object>> result = InlineCallbacks.run(loop, ic -> {
            List<Object> seen = new ArrayList<>();
            seen.add(loop.inEventLoop());
            seen.add(loop.callLater(Duration.ofSeconds(1), () -> { }).active());
            seen.add(ic.await(fired));
            seen.add(loop.inEventLoop());
            seen.add(loop.callLater(Duration.ofSeconds(1), () -> { }).active());
            return seen;
        });
        fired.callback("fired");
        assertEquals(List.of(true, true, "fired", true, true), outcomeOf(result));
    }

    @ParameterizedTest
    @MethodSource("loops")
    void codeHoldingTheLoopOnAnotherThreadIsInItUntilItReturns(Callable<EventLoop> kind) throws Exception {
        EventLoop loop = make(kind);
        LoopOwnership lent = LoopOwnership.lend(loop);
        Object seen = onAnotherThread(() -> {
            boolean holding = lent.runHolding(() -> loop.callLater(Duration.ofSeconds(1), () -> { }).active());
            return List.of(holding, loop.inEventLoop());
        });
        assertEquals(List.of(true, false), seen);
    }

    @ParameterizedTest
    @MethodSource("loops")
    void aThreadStartedByCodeHoldingTheLoopDoesNotHoldIt(Callable<EventLoop> kind) throws Exception {
        EventLoop loop = make(kind);
        Deferred<Object> result = InlineCallbacks.run(loop,
                ic -> onAnotherThread(() -> loop.callLater(Duration.ofSeconds(1), () -> { })));
        assertInstanceOf(WrongThreadException.class, outcomeOf(result));
    }

    @ParameterizedTest
    @MethodSource("loops")
    void aForkOfCodeHoldingTheLoopDoesNotHoldItThoughItSeesTheScopedValues(Callable<EventLoop> kind)
            throws Exception {
        EventLoop loop = make(kind);
        Deferred<Boolean> result = InlineCallbacks.run(loop, ic -> {
            try (var scope = StructuredTaskScope.open()) {
                var fork = scope.fork(loop::inEventLoop);
                scope.join();
                return fork.get();
            }
        });
        assertEquals(false, outcomeOf(result));
    }

    @ParameterizedTest
    @MethodSource("loops")
    void holdingOneLoopIsNotHoldingAnother(Callable<EventLoop> kind) throws Exception {
        EventLoop loop = make(kind);
        EventLoop other = make(kind);
        Deferred<Boolean> result = InlineCallbacks.run(loop, ic -> other.inEventLoop());
        assertEquals(false, outcomeOf(result));
    }

    @ParameterizedTest
    @MethodSource("loops")
    void onlyCodeInTheLoopCanLendIt(Callable<EventLoop> kind) throws Exception {
        EventLoop loop = make(kind);
        assertInstanceOf(WrongThreadException.class, onAnotherThread(() -> LoopOwnership.lend(loop)));
    }

    private EventLoop make(Callable<EventLoop> kind) throws Exception {
        EventLoop loop = kind.call();
        made.add(loop);
        return loop;
    }

    /** What {@code code} returns on a fresh thread, or what it throws there. */
    private static Object onAnotherThread(Callable<?> code) throws InterruptedException {
        var outcome = new AtomicReference<Object>();
        Thread.ofVirtual().start(() -> {
            try {
                outcome.set(code.call());
            } catch (Throwable t) {
                outcome.set(t);
            }
        }).join();
        return outcome.get();
    }

    /** The value (or exception) a Deferred has fired with; it must have fired. */
    private static Object outcomeOf(Deferred<?> d) {
        var outcome = new AtomicReference<Object>();
        d.addBoth(r -> {
            outcome.set(r);
            return null;
        });
        assertTrue(outcome.get() != null, "the body has not finished");
        return outcome.get();
    }
}
