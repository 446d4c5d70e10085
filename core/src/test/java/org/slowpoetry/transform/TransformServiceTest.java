package org.slowpoetry.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class TransformServiceTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void aKnownTransformGivesTheTransformedPoemBothWays() throws InterruptedException {
        var service = TransformService.standard();
        var request = new TransformRequest("upper", "The Poem");
        assertEquals(new TransformResult.Transformed("upper", "THE POEM"), service.transform(request, WAIT));
        assertEquals(new TransformResult.Transformed("upper", "THE POEM"), service.transformAsync(request).join());
    }

    @Test
    void anUnknownNameIsAValueNamingIt() {
        var result = TransformService.standard().transformAsync(new TransformRequest("nope", "x")).join();
        assertEquals(new TransformResult.Unknown("nope"), result);
    }

    @Test
    void aTransformThatThrowsOrFailsItsStageIsAFailedResultNotAnException() {
        var boom = new IllegalStateException("boom");
        var service = new TransformService(TransformRegistry.empty()
                .with("throws", Transform.now(poem -> { throw boom; }))
                .with("fails-later", Transform.later(poem -> CompletableFuture.failedFuture(boom))));
        assertEquals(new TransformResult.Failed("throws", boom),
                service.transformAsync(new TransformRequest("throws", "x")).join());
        assertEquals(new TransformResult.Failed("fails-later", boom),
                service.transformAsync(new TransformRequest("fails-later", "x")).join());
    }

    @Test
    void aLaterTransformCompletesWhenItsOwnWorkDoes() {
        var work = new CompletableFuture<String>();
        var service = new TransformService(TransformRegistry.empty().with("later", Transform.later(poem -> work)));
        CompletableFuture<TransformResult> result = service.transformAsync(new TransformRequest("later", "x"));
        assertFalse(result.isDone());
        work.complete("done");
        assertEquals(new TransformResult.Transformed("later", "done"), result.join());
    }

    @Test
    @Timeout(10)
    void aBlockingCallThatOutwaitsItsTimeoutFailsAndCancelsTheWork() throws InterruptedException {
        var work = new CompletableFuture<String>();
        var service = new TransformService(TransformRegistry.empty().with("never", Transform.later(poem -> work)));
        var result = service.transform(new TransformRequest("never", "x"), Duration.ofMillis(50));
        assertInstanceOf(TimeoutException.class, assertInstanceOf(TransformResult.Failed.class, result).cause());
        assertTrue(work.isCancelled());
    }

    @Test
    void everyRequestIsCountedWhateverItsOutcome() {
        var service = TransformService.standard();
        service.transformAsync(new TransformRequest("upper", "x")).join();
        service.transformAsync(new TransformRequest("nope", "x")).join();
        assertEquals(2, service.requests());
    }
}
