package org.slowpoetry.defer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.slowpoetry.defer.DeferredAssertions.assertNoResult;
import static org.slowpoetry.defer.DeferredAssertions.failureResultOf;
import static org.slowpoetry.defer.DeferredAssertions.successResultOf;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slowpoetry.reactor.ManualEventLoop;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.reactor.ReactorThread;

/** {@link Deferred#addTimeout}, in the spirit of Twisted's {@code DeferredAddTimeoutTests}. */
class DeferredTimeoutTest {
    private final ManualEventLoop loop = new ManualEventLoop();

    @Test
    void aDeferredWithoutAResultInTimeFailsWithTimeoutException() {
        Deferred<String> d = new Deferred<>();
        d.addTimeout(Duration.ofSeconds(10), loop);
        loop.advance(Duration.ofSeconds(9));
        assertNoResult(d);
        loop.advance(Duration.ofSeconds(1));
        assertTrue(failureResultOf(d, TimeoutException.class).getErrorMessage().contains("PT10S"));
    }

    @Test
    void addTimeoutReturnsTheSameDeferredForChaining() {
        Deferred<String> d = new Deferred<>();
        assertSame(d, d.addTimeout(Duration.ofSeconds(5), loop));
        d.addCallback(r -> "done");
        d.callback(null);
        assertEquals("done", successResultOf(d));
    }

    @Test
    void aResultBeforeTheTimeoutCancelsTheTimer() {
        Deferred<String> d = new Deferred<>();
        d.addTimeout(Duration.ofSeconds(10), loop);
        Deferred<String> inner = new Deferred<>();
        d.addCallback(r -> inner);
        d.callback("results");
        assertEquals(List.of(), loop.pendingCalls());
        loop.advance(Duration.ofSeconds(15));
        assertNoResult(inner); // the timeout did not cancel d, which would have cancelled inner
    }

    @Test
    void aFailureBeforeTheTimeoutCancelsTheTimer() {
        Deferred<String> d = new Deferred<>();
        d.addTimeout(Duration.ofSeconds(10), loop);
        d.errback(new IllegalStateException("fail"));
        assertEquals(List.of(), loop.pendingCalls());
        loop.advance(Duration.ofSeconds(15));
        failureResultOf(d, IllegalStateException.class);
    }

    @Test
    void aManualCancelBeforeTheTimeoutStaysACancellation() {
        Deferred<String> d = new Deferred<>();
        d.addTimeout(Duration.ofSeconds(10), loop);
        d.cancel();
        assertEquals(List.of(), loop.pendingCalls());
        failureResultOf(d, CancelledException.class);
    }

    @Test
    void aCancellerThatCallsBackWinsOverTheTimeout() {
        Deferred<String> d = new Deferred<>(self -> self.callback("I was cancelled!"));
        d.addTimeout(Duration.ofSeconds(10), loop);
        loop.advance(Duration.ofSeconds(15));
        assertEquals("I was cancelled!", successResultOf(d));
    }

    @Test
    void aCancellerThatFailsDifferentlyWinsOverTheTimeout() {
        Deferred<String> d = new Deferred<>(self -> self.errback(new IllegalArgumentException("what!")));
        d.addTimeout(Duration.ofSeconds(10), loop);
        loop.advance(Duration.ofSeconds(15));
        failureResultOf(d, IllegalArgumentException.class);
    }

    @Test
    void anErrbackAddedBeforeTheTimeoutSeesTheCancellation() {
        Deferred<String> d = new Deferred<>();
        Object[] seen = {null};
        d.addErrback(f -> {
            seen[0] = f.type();
            return f;
        });
        d.addTimeout(Duration.ofSeconds(10), loop);
        loop.advance(Duration.ofSeconds(15));
        assertSame(CancelledException.class, seen[0]);
        failureResultOf(d, TimeoutException.class);
    }

    @Test
    void anErrbackAddedBeforeTheTimeoutCanSuppressIt() {
        Deferred<String> d = new Deferred<>();
        d.addErrback(f -> {
            f.trap(CancelledException.class);
            return "suppressed";
        });
        d.addTimeout(Duration.ofSeconds(10), loop);
        loop.advance(Duration.ofSeconds(15));
        assertEquals("suppressed", successResultOf(d));
    }

    @Test
    @Timeout(10)
    void addTimeoutOffTheLoopThreadThrows() throws Exception {
        try (Reactor reactor = Reactor.open(); var running = ReactorThread.start(reactor, "test-loop")) {
            Deferred<String> d = new Deferred<>();
            assertThrows(WrongThreadException.class, () -> d.addTimeout(Duration.ofSeconds(1), reactor));
        }
    }
}
