package org.slowpoetry.defer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.slowpoetry.defer.DeferredAssertions.assertNoResult;
import static org.slowpoetry.defer.DeferredAssertions.failureResultOf;
import static org.slowpoetry.defer.DeferredAssertions.successResultOf;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slowpoetry.reactor.ManualEventLoop;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.reactor.ReactorThread;

/**
 * Inline callbacks (Part 17). Most tests drive a {@link ManualEventLoop} from the test thread, which
 * is then the loop thread; those about threads use a {@link Reactor} on its own thread. That a body
 * holds its loop is part of every loop's contract: see {@code EventLoopContractTest}.
 */
@Timeout(20)
class InlineCallbacksTest {
    private final ManualEventLoop loop = new ManualEventLoop();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @Test
    void theBodyRunsAtOnceUpToItsFirstAwaitOfAnUnfiredDeferred() {
        Deferred<String> pending = new Deferred<>();
        Deferred<String> result = InlineCallbacks.run(loop, ic -> {
            log.add("before");
            String got = ic.await(pending);
            log.add("after " + got);
            return got;
        });
        assertEquals(List.of("before"), log);
        assertNoResult(result);
    }

    @Test
    void theBodyGoesOnWithTheResultWhenTheAwaitedDeferredFires() {
        // inline-callbacks-1, with timers on the fake loop
        Deferred<String> result = InlineCallbacks.run(loop, ic -> {
            log.add("first callback");
            int one = ic.await(Deferred.succeed(1));
            log.add("second callback got " + one);
            Deferred<Integer> d2 = new Deferred<>();
            ic.loop().callLater(Duration.ofSeconds(5), () -> d2.callback(2));
            int two = ic.await(d2);
            log.add("third callback got " + two);
            Deferred<Integer> d3 = new Deferred<>();
            ic.loop().callLater(Duration.ofSeconds(5), () -> d3.errback(new Exception("3")));
            try {
                ic.await(d3);
            } catch (Exception e) {
                log.add("fourth callback got " + e.getMessage());
            }
            return "end";
        });
        assertEquals(List.of("first callback", "second callback got 1"), log);
        loop.advance(Duration.ofSeconds(5));
        assertEquals("third callback got 2", log.getLast());
        assertNoResult(result);
        loop.advance(Duration.ofSeconds(5));
        assertEquals("fourth callback got 3", log.getLast());
        assertEquals("end", successResultOf(result));
    }

    @Test
    void aFailedDeferredThrowsItsOriginalCheckedExceptionAtTheAwait() {
        IOException error = new IOException("refused");
        Deferred<String> pending = new Deferred<>();
        Deferred<Object> result = InlineCallbacks.run(loop, ic -> {
            try {
                return ic.await(pending);
            } catch (IOException e) {
                return e;
            }
        });
        pending.errback(error);
        assertSame(error, successResultOf(result));
    }

    @Test
    void theBodysReturnValueFiresTheResult() {
        Deferred<String> pending = new Deferred<>();
        Deferred<Integer> result = InlineCallbacks.run(loop, ic -> ic.await(pending).length());
        pending.callback("four");
        assertEquals(4, successResultOf(result));
    }

    @Test
    void aBodyThatThrowsReachesTheErrback() {
        Deferred<String> result = InlineCallbacks.run(loop, ic -> {
            ic.await(Deferred.succeed("x"));
            throw new IllegalStateException("DESTROY ALL LIFE");
        });
        Failure failure = failureResultOf(result, IllegalStateException.class);
        assertTrue(failure.getTraceback().contains("InlineCallbacksTest"), failure.getTraceback());
    }

    @Test
    void anUncaughtFailureFromAnAwaitReachesTheErrbackUnchanged() {
        Failure original = Failure.of(new IOException("lost"));
        Deferred<String> pending = new Deferred<>();
        Deferred<String> result = InlineCallbacks.run(loop, ic -> ic.await(pending));
        pending.errback(original);
        assertSame(original.value(), failureResultOf(result, IOException.class).value());
    }

    @Test
    void aBodyThatNeverWaitsHasFiredBeforeRunReturns() {
        Deferred<Integer> result = InlineCallbacks.run(loop, ic -> ic.await(Deferred.succeed(1)) + ic.await(Deferred.succeed(2)));
        assertEquals(3, successResultOf(result));
    }

    @Test
    void tenThousandAwaitsOfFiredDeferredsDoNotOverflowTheStack() {
        Deferred<Integer> result = InlineCallbacks.run(loop, ic -> {
            int sum = 0;
            for (int i = 0; i < 10_000; i++) {
                sum += ic.await(Deferred.succeed(1));
            }
            return sum;
        });
        assertEquals(10_000, successResultOf(result));
    }

    @Test
    void awaitTakesTheResultOver() {
        Deferred<String> good = new Deferred<>();
        Deferred<String> bad = new Deferred<>();
        Deferred<String> result = InlineCallbacks.run(loop, ic -> {
            String value = ic.await(good);
            try {
                ic.await(bad);
            } catch (IllegalStateException e) {
                return value;
            }
            return "unreachable";
        });
        good.callback("value");
        bad.errback(new IllegalStateException());
        assertEquals("value", successResultOf(result));
        assertNull(successResultOf(good));
        assertNull(bad.unhandledFailure());
    }

    @Test
    void cancellingTheResultCancelsTheAwaitedDeferred() {
        boolean[] cancelled = {false};
        Deferred<String> awaited = new Deferred<>(self -> cancelled[0] = true);
        Deferred<String> result = InlineCallbacks.run(loop, ic -> ic.await(awaited));
        result.cancel();
        assertTrue(cancelled[0]);
        failureResultOf(result, CancelledException.class);
    }

    @Test
    void aBodyCatchingTheCancellationCanStillReturnAValue() {
        Deferred<String> awaited = new Deferred<>();
        Deferred<String> result = InlineCallbacks.run(loop, ic -> {
            try {
                return ic.await(awaited);
            } catch (CancelledException e) {
                return "fallback";
            }
        });
        result.cancel();
        assertEquals("fallback", successResultOf(result));
    }

    @Test
    void cancellingAgainReachesWhateverTheBodyAwaitsNext() {
        Deferred<String> first = new Deferred<>();
        Deferred<String> second = new Deferred<>();
        Deferred<String> result = InlineCallbacks.run(loop, ic -> {
            try {
                return ic.await(first);
            } catch (CancelledException e) {
                log.add("first cancelled");
            }
            try {
                return ic.await(second);
            } catch (CancelledException e) {
                return "second cancelled";
            }
        });
        result.cancel();
        assertEquals(List.of("first cancelled"), log);
        assertNoResult(result);
        result.cancel();
        assertTrue(second.called());
        assertEquals("second cancelled", successResultOf(result));
    }

    @Test
    void anAwaitedDeferredWhoseCancellerCallsBackGivesTheBodyThatValue() {
        Deferred<String> awaited = new Deferred<>(self -> self.callback("cancelled politely"));
        Deferred<String> result = InlineCallbacks.run(loop, ic -> ic.await(awaited));
        result.cancel();
        assertEquals("cancelled politely", successResultOf(result));
    }

    @Test
    void cancellingAFinishedRunDoesNothing() {
        Deferred<String> result = InlineCallbacks.run(loop, ic -> "done");
        result.cancel();
        assertEquals("done", successResultOf(result));
    }

    @Test
    void awaitOnTheLoopThreadOutsideABodyThrowsWrongThread() {
        AtomicReference<Awaiter> leaked = new AtomicReference<>();
        InlineCallbacks.run(loop, ic -> {
            leaked.set(ic);
            return null;
        });
        WrongThreadException thrown = assertThrows(WrongThreadException.class,
                () -> leaked.get().await(Deferred.succeed("x")));
        assertTrue(thrown.getMessage().contains("event loop thread"), thrown.getMessage());
    }

    @Test
    void awaitFromAThreadThatIsNotTheBodysThrowsWrongThread() throws Exception {
        AtomicReference<Awaiter> leaked = new AtomicReference<>();
        InlineCallbacks.run(loop, ic -> {
            leaked.set(ic);
            return ic.await(new Deferred<String>());
        });
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread.ofVirtual().start(() -> {
            try {
                leaked.get().await(Deferred.succeed("x"));
            } catch (Throwable t) {
                thrown.set(t);
            }
        }).join();
        assertInstanceOf(WrongThreadException.class, thrown.get());
    }

    @Test
    void runOffTheLoopThreadThrowsWrongThread() throws Exception {
        try (Reactor reactor = Reactor.open(); var running = ReactorThread.start(reactor, "test-loop")) {
            assertThrows(WrongThreadException.class, () -> InlineCallbacks.run(reactor, ic -> "x"));
        }
    }

    @Test
    void theBodyRunsOnAVirtualThreadOfItsOwn() {
        Thread test = Thread.currentThread();
        Deferred<Thread> result = InlineCallbacks.run(loop, ic -> Thread.currentThread());
        Thread body = successResultOf(result);
        assertTrue(body.isVirtual());
        assertNotSame(test, body);
    }

    @Test
    void theBodysThreadEndsWhenTheBodyReturns() {
        Deferred<String> pending = new Deferred<>();
        AtomicReference<Thread> body = new AtomicReference<>();
        InlineCallbacks.run(loop, ic -> {
            body.set(Thread.currentThread());
            return ic.await(pending);
        });
        assertTrue(body.get().isAlive());
        pending.callback("x");
        await().atMost(Duration.ofSeconds(10)).until(() -> !body.get().isAlive());
    }

    @Test
    void aBodyReturningADeferredFailsTheResult() {
        Deferred<Object> result = InlineCallbacks.run(loop, ic -> new Deferred<String>());
        assertTrue(failureResultOf(result, IllegalStateException.class).getErrorMessage().contains("await it"));
    }

    @Test
    void clientSevenKeepsTheOriginalPoemWhenTheTransformFails() {
        // twisted-client-7's get_transformed_poem, with the download and the transform faked
        Deferred<String> download = new Deferred<>();
        Deferred<String> transform = new Deferred<>();
        Deferred<String> result = getTransformedPoem(download, transform);
        download.callback("The Poem");
        transform.errback(new IllegalStateException("CannotCummingsify"));
        assertEquals("The Poem", successResultOf(result));
        assertEquals(List.of("Cummingsify failed!"), log);
    }

    @Test
    void clientSevenReportsAndPropagatesAFailedDownload() {
        Deferred<String> download = new Deferred<>();
        Deferred<String> result = getTransformedPoem(download, new Deferred<>());
        download.errback(new IOException("Connection refused"));
        failureResultOf(result, IOException.class);
        assertEquals(List.of("The poem download failed: Connection refused"), log);
    }

    @Test
    void clientSevenTransformsThePoem() {
        Deferred<String> download = new Deferred<>();
        Deferred<String> transform = new Deferred<>();
        Deferred<String> result = getTransformedPoem(download, transform);
        download.callback("The Poem");
        transform.callback("the poem");
        assertEquals("the poem", successResultOf(result));
    }

    private Deferred<String> getTransformedPoem(Deferred<String> download, Deferred<String> transform) {
        return InlineCallbacks.run(loop, ic -> {
            String poem;
            try {
                poem = ic.await(download);
            } catch (Exception e) {
                log.add("The poem download failed: " + e.getMessage());
                throw e;
            }
            try {
                poem = ic.await(transform);
            } catch (Exception e) {
                log.add("Cummingsify failed!");
            }
            return poem;
        });
    }
}
