package org.slowpoetry.defer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.slowpoetry.defer.DeferredAssertions.assertNoResult;
import static org.slowpoetry.defer.DeferredAssertions.failureResultOf;
import static org.slowpoetry.defer.DeferredAssertions.successResultOf;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slowpoetry.reactor.ManualEventLoop;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.reactor.ReactorThread;

/** Deferred.fromFuture and toCompletableFuture, cancellation crossing both ways. */
class FutureBridgeTest {
    private final ManualEventLoop loop = new ManualEventLoop();

    @Test
    void fromFutureFiresFromALoopTaskWhenTheFutureCompletes() {
        CompletableFuture<String> future = new CompletableFuture<>();
        Deferred<String> d = Deferred.fromFuture(future, loop);
        future.complete("poem");
        assertNoResult(d);
        loop.advance(Duration.ZERO);
        assertEquals("poem", successResultOf(d));
    }

    @Test
    void fromFutureOfACompletedFutureStillFiresFromALoopTask() {
        Deferred<String> d = Deferred.fromFuture(CompletableFuture.completedFuture("done"), loop);
        assertNoResult(d);
        loop.advance(Duration.ZERO);
        assertEquals("done", successResultOf(d));
    }

    @Test
    void fromFuturePassesTheRealExceptionNotTheCompletionWrapper() {
        CompletableFuture<String> future = CompletableFuture.supplyAsync(() -> {
            throw new IllegalStateException("in the pool");
        });
        Deferred<String> d = Deferred.fromFuture(future, loop);
        await().atMost(Duration.ofSeconds(10)).until(future::isDone);
        loop.advance(Duration.ZERO);
        assertEquals("in the pool", failureResultOf(d, IllegalStateException.class).getErrorMessage());
    }

    @Test
    void cancellingTheDeferredCancelsTheFuture() {
        CompletableFuture<String> future = new CompletableFuture<>();
        Deferred<String> d = Deferred.fromFuture(future, loop);
        d.cancel();
        assertTrue(future.isCancelled());
        failureResultOf(d, CancelledException.class);
        loop.advance(Duration.ZERO); // the future's own completion arrives and is dropped
    }

    @Test
    void aFutureCancelledElsewhereFailsTheDeferredWithCancelledException() {
        CompletableFuture<String> future = new CompletableFuture<>();
        Deferred<String> d = Deferred.fromFuture(future, loop);
        future.cancel(false);
        loop.advance(Duration.ZERO);
        failureResultOf(d, CancelledException.class);
    }

    @Test
    void toCompletableFutureCompletesWithTheResultAndTakesItOver() throws Exception {
        Deferred<String> d = new Deferred<>();
        CompletableFuture<String> future = d.toCompletableFuture(loop);
        assertFalse(future.isDone());
        d.callback("result");
        assertEquals("result", future.get(0, TimeUnit.SECONDS));
        assertNull(successResultOf(d));
    }

    @Test
    void toCompletableFutureCompletesExceptionallyWithTheExceptionItself() {
        Deferred<String> d = new Deferred<>();
        CompletableFuture<String> future = d.toCompletableFuture(loop);
        IOException error = new IOException("lost");
        d.errback(error);
        ExecutionException thrown = assertThrows(ExecutionException.class, () -> future.get(0, TimeUnit.SECONDS));
        assertSame(error, thrown.getCause());
        assertNull(d.unhandledFailure());
    }

    @Test
    void cancellingTheFutureOnTheLoopCancelsTheDeferred() {
        AtomicBoolean cancellerCalled = new AtomicBoolean();
        Deferred<String> d = new Deferred<>(self -> cancellerCalled.set(true));
        CompletableFuture<String> future = d.toCompletableFuture(loop);
        future.cancel(false);
        assertTrue(cancellerCalled.get());
        assertNull(successResultOf(d));
    }

    @Test
    void aCancelledDeferredCompletesTheFutureAsCancelled() {
        Deferred<String> d = new Deferred<>();
        CompletableFuture<String> future = d.toCompletableFuture(loop);
        d.cancel();
        assertTrue(future.isCancelled());
        assertThrows(CancellationException.class, future::join);
    }

    @Test
    void aDeferredCancellerThatCallsBackLeavesTheCancelledFutureCancelled() {
        // test_asFutureSuccessCancel
        Deferred<Integer> d = new Deferred<>(self -> self.callback(9));
        CompletableFuture<Integer> future = d.toCompletableFuture(loop);
        future.cancel(false);
        assertTrue(future.isCancelled());
        assertNull(successResultOf(d));
    }

    @Test
    @Timeout(10)
    void cancellingTheFutureFromAnotherThreadCancelsTheDeferredOnTheLoopThread() throws Exception {
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        try (Reactor reactor = Reactor.open()) {
            reactor.setUncaughtExceptionHandler(errors::add);
            try (var running = ReactorThread.start(reactor, "test-loop")) {
                AtomicReference<Thread> cancelledOn = new AtomicReference<>();
                CompletableFuture<String> future = running.call(() -> new Deferred<String>(
                        self -> cancelledOn.set(Thread.currentThread())).toCompletableFuture(reactor));
                future.cancel(false);
                await().atMost(Duration.ofSeconds(5)).until(() -> cancelledOn.get() != null);
                assertSame(running.thread(), cancelledOn.get());
            }
        }
        assertEquals(List.of(), errors);
    }

    @Test
    @Timeout(10)
    void aFutureCompletedOnAnotherThreadFiresTheDeferredOnTheLoopThread() throws Exception {
        try (Reactor reactor = Reactor.open(); var running = ReactorThread.start(reactor, "test-loop")) {
            CompletableFuture<String> future = new CompletableFuture<>();
            AtomicReference<Thread> firedOn = new AtomicReference<>();
            running.call(() -> Deferred.fromFuture(future, reactor).addCallback(r -> {
                firedOn.set(Thread.currentThread());
                return r;
            }));
            Thread.ofVirtual().start(() -> future.complete("from elsewhere")).join();
            await().atMost(Duration.ofSeconds(5)).until(() -> firedOn.get() != null);
            assertSame(running.thread(), firedOn.get());
        }
    }

    @Test
    @Timeout(10)
    void theBridgesRefuseToStartOffTheLoopThread() throws Exception {
        try (Reactor reactor = Reactor.open(); var running = ReactorThread.start(reactor, "test-loop")) {
            assertThrows(WrongThreadException.class, () -> Deferred.fromFuture(new CompletableFuture<>(), reactor));
            assertThrows(WrongThreadException.class, () -> new Deferred<String>().toCompletableFuture(reactor));
        }
    }
}
